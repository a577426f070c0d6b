'use strict';

/**
 * The order's history moves from a JSON column of orders_orders into a table of its own,
 * orders_history_entries (plugin::orders.history-entry).
 *
 * Strapi runs this before its schema sync, which would drop the JSON column now that the order's
 * schema no longer has it, and before the new table exists. So the column is only set aside here,
 * under a name Strapi's stored schema never had (its sync leaves such columns alone); once the
 * sync has made the new table, the plugin's bootstrap moves the entries and drops the column
 * (src/plugins/orders/server/src/features/orders/legacy-history.ts), in one transaction.
 */
const ORDERS = 'orders_orders';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(ORDERS)) || !(await knex.schema.hasColumn(ORDERS, 'history'))) return;
    await knex.raw('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [ORDERS, 'history', 'legacy_history']);
  },
};
