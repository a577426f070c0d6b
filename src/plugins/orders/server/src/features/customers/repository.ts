/** The customers' queries. */
import type { Core } from '@strapi/strapi';
import type { CustomerInput, CustomerJson } from '../../../../shared/contracts/customers';
import { UID } from '../../core/uids';

/** A customer as stored: what the API shows, and the id that links it. */
export interface CustomerRow extends CustomerJson {
  id: number;
}

/** What an order keeps of its customer: the link and the name its list shows and sorts by. */
export type CustomerRef = Pick<CustomerRow, 'id' | 'name'>;

const REF = ['id', 'name'];

export const customersRepository = (strapi: Core.Strapi) => {
  const customers = () => strapi.db.query(UID.customer);
  return {
    findRef: (documentId: string): Promise<CustomerRef | null> => customers().findOne({ where: { documentId }, select: REF }),

    create: (details: CustomerInput): Promise<CustomerRef> => customers().create({ data: { ...details }, select: REF }),

    /** Writes every detail: one left out is emptied. */
    replace: (id: number, details: CustomerInput): Promise<CustomerRef> =>
      customers().update({
        where: { id },
        data: { email: null, phone: null, company: null, taxNumber: null, address: null, ...details },
        select: REF,
      }),

    /** How many orders other than `orderId` the customer has. */
    otherOrders: (customerId: number, orderId: number): Promise<number> =>
      strapi.db.query(UID.order).count({ where: { customer: { id: customerId }, id: { $ne: orderId } } }),
  };
};
