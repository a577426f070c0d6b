/**
 * The data migration of the search keys: customers and orders from before the key, or written
 * around the engine, get theirs at start. An order's key is made of its customer's details as
 * stored, not of the customer's key, so neither has to wait for the other. Idempotent and
 * batched, a transaction a batch: a crash midway leaves the rest for the next start, and a second
 * app process starting at once writes the same keys.
 */
import type { Core } from '@strapi/strapi';
import { customersRepository } from '../customers/repository';
import { ordersRepository } from './repository';

export const fillSearchKeys = async (strapi: Core.Strapi): Promise<{ customers: number; orders: number }> => {
  const customers = await customersRepository(strapi).fillSearchKeys();
  const orders = await ordersRepository(strapi).fillSearchKeys();
  if (customers || orders) strapi.log.info(`orders: search keys written for ${customers} customers and ${orders} orders`);
  return { customers, orders };
};
