/** The customers' queries. */
import type { Core } from '@strapi/strapi';
import type { CustomerInput, CustomerJson } from '../../../../shared/contracts/customers';
import { insertRows, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

/** A customer as stored: what the API shows, and the id that links it. */
export interface CustomerRow extends CustomerJson {
  id: number;
}

/** What an order keeps of its customer: the link and the name its list shows and sorts by. */
export type CustomerRef = Pick<CustomerRow, 'id' | 'name'>;

const REF = ['id', 'name'];

/**
 * The e-mail as customers are found by it: trimmed and lowercased, kept beside the e-mail in an
 * indexed column, so that a webshop's 10 000th order finds its customer without reading the others.
 */
export const emailKeyOf = (email: string | null | undefined) => email?.trim().toLowerCase() || null;

/** A customer as a webshop describes it, as stored. */
export interface ShopCustomerData {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  taxNumber: string | null;
  address: object | null;
  shippingAddress: object | null;
  externalKey: string | null;
}

export const customersRepository = (strapi: Core.Strapi) => {
  const customers = () => strapi.db.query(UID.customer);
  return {
    findRef: (documentId: string): Promise<CustomerRef | null> => customers().findOne({ where: { documentId }, select: REF }),

    create: (details: CustomerInput): Promise<CustomerRef> =>
      customers().create({ data: { ...details, emailKey: emailKeyOf(details.email) }, select: REF }),

    /** Writes every detail: one left out is emptied. */
    replace: (id: number, details: CustomerInput): Promise<CustomerRef> =>
      customers().update({
        where: { id },
        data: { email: null, phone: null, company: null, taxNumber: null, address: null, ...details, emailKey: emailKeyOf(details.email) },
        select: REF,
      }),

    /** Those a batch of webshop orders may be of, by the shops' ids or e-mails. */
    findForShopMany: (
      externalKeys: string[],
      emailKeys: string[]
    ): Promise<Array<CustomerRef & { externalKey: string | null; emailKey: string | null }>> =>
      externalKeys.length || emailKeys.length
        ? customers().findMany({
            where: { $or: [{ externalKey: { $in: externalKeys } }, { emailKey: { $in: emailKeys } }] },
            select: [...REF, 'externalKey', 'emailKey'],
            orderBy: { id: 'asc' },
          })
        : Promise.resolve([]),

    /** New customers in a few statements; answers their ids in order. */
    insertForShop: (trx: Transaction, list: ShopCustomerData[]) =>
      insertRows(
        strapi,
        trx,
        UID.customer,
        list.map((details) => ({
          values: {
            ...details,
            address: details.address,
            shippingAddress: details.shippingAddress,
            emailKey: emailKeyOf(details.email),
          },
        }))
      ),

    setExternalKey: (id: number, externalKey: string) => customers().update({ where: { id }, data: { externalKey }, select: ['id'] }),

    /** How many orders other than `orderId` the customer has. */
    otherOrders: (customerId: number, orderId: number): Promise<number> =>
      strapi.db.query(UID.order).count({ where: { customer: { id: customerId }, id: { $ne: orderId } } }),
  };
};
