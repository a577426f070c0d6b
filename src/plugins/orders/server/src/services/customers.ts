import type { Core } from '@strapi/strapi';
import type { CustomerInput } from '../../../shared/contracts/customers';
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

  /**
   * New details for a draft order's customer, given whole (a field left out is emptied). They are
   * written to the order's customer when no other order has that customer, so a corrected typo
   * leaves one customer, not two; a customer other orders share keeps its details, and this order
   * gets a new customer with the new ones.
   */
  async amend(orderId: number, current: number | undefined, details: CustomerInput): Promise<{ id: number; name: string }> {
    const shared = current
      ? await strapi.db.query(UID.order).count({ where: { customer: { id: current }, id: { $ne: orderId } } })
      : 0;
    if (!current || shared) return this.resolve({ customer: details });
    const whole = { email: null, phone: null, company: null, taxNumber: null, address: null, ...details };
    return strapi.db.query(UID.customer).update({ where: { id: current }, data: whole, select: ['id', 'name'] });
  },
});

export default createCustomersService;
