/** Customers: who orders, a person or a company. */
import customer from './content-types/customer/schema.json';
import type { Core } from '@strapi/strapi';
import { ensureUniqueIndex } from '../../core/unique';
import { UID } from '../../core/uids';
import service from './service';

export default {
  contentTypes: { customer: { schema: customer } },
  services: { customers: service },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // A webshop's customer is one customer per shop customer id, however many orders arrive at once.
    await ensureUniqueIndex(strapi, { uid: UID.customer, attribute: 'externalKey' });
  },
};
