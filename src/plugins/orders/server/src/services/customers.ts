import type { Core } from '@strapi/strapi';
import type { CustomerInput } from '../contracts';
import { invalidField } from '../errors';
import { UID } from '../uids';

const createCustomersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The customer an order names: an existing one by documentId, or a new one from its details. */
  async resolve({ customer, customerId }: { customer?: CustomerInput; customerId?: string }): Promise<{ id: number; name: string }> {
    if (customerId) {
      const found = await strapi.db.query(UID.customer).findOne({ where: { documentId: customerId }, select: ['id', 'name'] });
      if (!found) throw invalidField('customerId', 'unknownCustomer', `no customer ${customerId}`, { customerId });
      return found;
    }
    return strapi.db.query(UID.customer).create({ data: { ...customer }, select: ['id', 'name'] });
  },
});

export default createCustomersService;
