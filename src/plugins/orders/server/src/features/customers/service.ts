import type { Core } from '@strapi/strapi';
import type { CustomerInput } from '../../../../shared/contracts/customers';
import type { NormalizedCustomer } from '../../../../shared/contracts/normalized-order';
import { lockName, type Transaction } from '../../core/database';
import { invalidField } from '../../core/errors';
import { customersRepository, emailKeyOf, type CustomerRef, type ShopCustomerData } from './repository';

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
      const [found] = await this.forShopMany(trx, connectionId, [customer]);
      return found;
    },

    /** The customers of a batch of webshop orders, as forShop finds or makes each: one new customer per new shop customer. */
    async forShopMany(trx: Transaction, connectionId: number, list: NormalizedCustomer[]): Promise<CustomerRef[]> {
      const wanted = list.map((customer) => ({
        customer,
        externalKey: customer.externalId ? `${connectionId}:${customer.externalId}` : null,
        emailKey: emailKeyOf(customer.email),
      }));
      const lockNames = [...new Set(wanted.flatMap(({ externalKey, emailKey }) => externalKey ?? emailKey ?? []))].sort();
      for (const name of lockNames) await lockName(strapi, trx, `customer:${name}`);
      const found = await customers.findForShopMany(
        wanted.flatMap(({ externalKey }) => externalKey ?? []),
        wanted.flatMap(({ emailKey }) => emailKey ?? [])
      );
      const byKey = new Map(found.filter((row) => row.externalKey).map((row) => [row.externalKey!, row]));
      const byEmail = new Map<string, (typeof found)[number]>();
      for (const row of found) if (row.emailKey && !byEmail.has(row.emailKey)) byEmail.set(row.emailKey, row);

      // Each wanted customer is one found, or one of those to make (a shop customer twice in the batch, once).
      const toMake: ShopCustomerData[] = [];
      const madeFor = new Map<string, number>();
      const picks = [];
      for (const { customer, externalKey, emailKey } of wanted) {
        const hit = (externalKey && byKey.get(externalKey)) || (emailKey && byEmail.get(emailKey)) || undefined;
        if (hit) {
          if (externalKey && !hit.externalKey) {
            await customers.setExternalKey(hit.id, externalKey);
            hit.externalKey = externalKey;
            byKey.set(externalKey, hit);
          }
          picks.push({ found: { id: hit.id, name: hit.name } });
          continue;
        }
        const same = externalKey ?? emailKey;
        if (same && madeFor.has(same)) {
          picks.push({ made: madeFor.get(same)! });
          continue;
        }
        if (same) madeFor.set(same, toMake.length);
        picks.push({ made: toMake.length });
        toMake.push({
          name: customer.name,
          email: customer.email?.trim() || null,
          phone: customer.phone,
          company: customer.company,
          taxNumber: customer.taxNumber,
          address: customer.billingAddress,
          shippingAddress: customer.shippingAddress,
          externalKey,
        });
      }
      const ids = toMake.length ? await customers.insertForShop(trx, toMake) : [];
      return picks.map((pick) => ('found' in pick ? pick.found! : { id: ids[pick.made!], name: toMake[pick.made!].name }));
    },
  };
};

export default createCustomersService;
