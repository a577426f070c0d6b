/**
 * Orders written before an order had addresses of its own show none. Once, at upgrade, each such
 * order takes its customer's: billing from the customer's address, shipping from their shipping
 * address or, as a new order does, where billing goes. An order with a billing address of its own
 * keeps it; an address cleared after this ran stays cleared, since it never runs again.
 *
 * Strapi runs migrations before its schema sync: upgrading from before the address fields, the
 * order's columns are not there yet. They are made here as the sync would make them (a JSON
 * column, nullable, no default), so the sync finds them in place and leaves them be.
 */
import type { Knex } from 'knex';
import type { AddressJson } from '../../../../shared/contracts/customers';
import { normalAddress } from '../../../../shared/domain/address';
import type { PluginMigration } from '../../core/migrations';

/** The tables as the orders' and customers' schemas name them (their collectionName), and the link between them. */
const ORDERS = 'orders_orders';
const CUSTOMERS = 'orders_customers';
const LINK = 'orders_orders_customer_lnk';

/** SQLite answers a JSON column as text, PostgreSQL as the value. */
const parsed = (value: unknown): AddressJson | null =>
  normalAddress(typeof value === 'string' ? JSON.parse(value) : (value as AddressJson));

const ensureColumns = async (trx: Knex.Transaction) => {
  for (const column of ['billing_address', 'shipping_address']) {
    if (!(await trx.schema.hasColumn(ORDERS, column))) await trx.schema.alterTable(ORDERS, (table) => table.jsonb(column));
  }
};

export const addressBackfillMigration: PluginMigration = {
  name: '0.1.0-02-order-addresses',
  async up(trx) {
    for (const table of [ORDERS, CUSTOMERS, LINK]) if (!(await trx.schema.hasTable(table))) return;
    if (!(await trx.schema.hasColumn(CUSTOMERS, 'address'))) return;
    await ensureColumns(trx);
    const shipping = (await trx.schema.hasColumn(CUSTOMERS, 'shipping_address')) ? ['c.shipping_address'] : [];
    const customers: Array<{ id: number; address: unknown; shipping_address?: unknown }> = await trx(`${CUSTOMERS} as c`)
      .distinct('c.id', 'c.address', ...shipping)
      .join(`${LINK} as l`, 'l.customer_id', 'c.id')
      .join(`${ORDERS} as o`, 'o.id', 'l.order_id')
      .whereNull('o.billing_address')
      .whereNotNull('c.address');
    for (const customer of customers) {
      const billing = parsed(customer.address);
      if (!billing) continue;
      const delivery = parsed(customer.shipping_address ?? null) ?? billing;
      await trx(ORDERS)
        .whereNull('billing_address')
        .whereIn('id', trx(LINK).select('order_id').where('customer_id', customer.id))
        .update({
          billing_address: JSON.stringify(billing),
          // An order whose shipping address alone is its own keeps it.
          shipping_address: trx.raw('COALESCE(shipping_address, ?)', [JSON.stringify(delivery)]),
        });
    }
  },
};
