import type { Core } from '@strapi/strapi';
import type { CustomerInput } from '../../../../shared/contracts/customers';
import type { NormalizedCustomer } from '../../../../shared/contracts/normalized-order';
import { lockName, type Transaction } from '../../core/database';
import { invalidField } from '../../core/errors';
import { customersRepository, type CustomerRef } from './repository';

const createCustomersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const customers = customersRepository(strapi);
  return {
    /** The customer an order names: an existing one by documentId, or a new one from its details. */
    async resolve({ customer, customerId }: { customer?: CustomerInput; customerId?: string }): Promise<CustomerRef> {
      if (customerId) {
        const found = await customers.findRef(customerId);
        if (!found) throw invalidField('customerId', 'unknownCustomer', `no customer ${customerId}`, { customerId });
        return found;
      }
      return customers.create(customer!);
    },

    /**
     * New details for a draft order's customer, given whole (a field left out is emptied). They are
     * written to the order's customer when no other order has that customer, so a corrected typo
     * leaves one customer, not two; a customer other orders share keeps its details, and this order
     * gets a new customer with the new ones.
     */
    async amend(orderId: number, current: number | undefined, details: CustomerInput): Promise<CustomerRef> {
      if (!current || (await customers.otherOrders(current, orderId))) return customers.create(details);
      return customers.replace(current, details);
    },

    /**
     * A webshop order's customer: found by the shop's customer id within its connection, else by
     * e-mail; else a new one — a guest too gets a customer of its own. Locked by what finds it, so
     * that two first orders of one new customer at once make one customer.
     */
    async forShop(trx: Transaction, connectionId: number, customer: NormalizedCustomer): Promise<CustomerRef> {
      const externalKey = customer.externalId ? `${connectionId}:${customer.externalId}` : null;
      const email = customer.email?.trim() || null;
      if (externalKey || email) await lockName(strapi, trx, `customer:${externalKey ?? email!.toLowerCase()}`);
      const found = await customers.findForShop(externalKey, email);
      if (found) {
        if (externalKey && !found.externalKey) await customers.setExternalKey(found.id, externalKey);
        return { id: found.id, name: found.name };
      }
      return customers.createForShop({
        name: customer.name,
        email,
        phone: customer.phone,
        company: customer.company,
        taxNumber: customer.taxNumber,
        address: customer.billingAddress,
        shippingAddress: customer.shippingAddress,
        externalKey,
      });
    },
  };
};

export default createCustomersService;
