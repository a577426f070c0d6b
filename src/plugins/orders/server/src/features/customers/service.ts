import type { Core } from '@strapi/strapi';
import type { CustomerInput } from '../../../../shared/contracts/customers';
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
  };
};

export default createCustomersService;
