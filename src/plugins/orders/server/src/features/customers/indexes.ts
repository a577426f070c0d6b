import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres } from '../../core/database';
import { UID } from '../../core/uids';

/**
 * The customers list's last-order sort, newest first with customers without an order last (and
 * the reverse): schema.json cannot say DESC or where NULLs go, so the index is made here,
 * idempotently, after Strapi's schema sync.
 */
/** What the list's free text (q) searches: ILIKE '%…%', which on PostgreSQL a trigram index serves. */
const SEARCHED = ['name', 'email', 'phone', 'taxNumber'];

/**
 * On PostgreSQL, trigram indexes let the search use an index instead of reading every customer
 * (the orders' search made pg_trgm available first, or says why it could not). Without pg_trgm the
 * search still works, by a table scan.
 */
const createSearchIndexes = async (strapi: Core.Strapi, table: string) => {
  try {
    await strapi.db.connection.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    for (const attribute of SEARCHED) {
      const column = columnOf(strapi, UID.customer, attribute);
      await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (?? gin_trgm_ops)', [
        `${table}_${column}_trgm_idx`,
        table,
        column,
      ]);
    }
  } catch (error) {
    strapi.log.warn(`orders: no trigram indexes for the customers search (${(error as Error).message}); searching scans the table`);
  }
};

export const createCustomerListIndexes = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(UID.customer).tableName;
  const lastOrderAt = columnOf(strapi, UID.customer, 'lastOrderAt');
  const nulls = isPostgres(strapi) ? ' NULLS LAST' : '';
  await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (?? DESC${nulls}, id DESC)`, [
    `${table}_last_order_at_desc_idx`,
    table,
    lastOrderAt,
  ]);
  if (isPostgres(strapi)) await createSearchIndexes(strapi, table);
};
