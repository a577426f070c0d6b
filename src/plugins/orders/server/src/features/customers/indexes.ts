import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres } from '../../core/database';
import { UID } from '../../core/uids';

/** The trigram indexes of the search before its key, one a column: dropped, the key's index serves. */
const OLD_SEARCHED = ['name', 'email', 'phone', 'taxNumber'];

/**
 * On PostgreSQL, a trigram index on the search key lets the search (searchKey LIKE '%…%') use an
 * index instead of reading every customer (the orders' search made pg_trgm available first, or
 * says why it could not). Without pg_trgm the search still works, by a table scan.
 */
const createSearchIndexes = async (strapi: Core.Strapi, table: string) => {
  for (const attribute of OLD_SEARCHED)
    await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [`${table}_${columnOf(strapi, UID.customer, attribute)}_trgm_idx`]);
  try {
    await strapi.db.connection.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const column = columnOf(strapi, UID.customer, 'searchKey');
    await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (?? gin_trgm_ops)', [
      `${table}_${column}_trgm_idx`,
      table,
      column,
    ]);
  } catch (error) {
    strapi.log.warn(`orders: no trigram index for the customers search (${(error as Error).message}); searching scans the table`);
  }
};

/**
 * SQLite has no trigram index: there the search reads the key from an index in the default sort's
 * order (created_at, id), as the orders' search does, so that a search's count and its deep pages
 * read a narrow index instead of every customer's row.
 */
const createSqliteSearchIndex = async (strapi: Core.Strapi, table: string) => {
  const columns = ['createdAt', 'id', 'searchKey'].map((attribute) => columnOf(strapi, UID.customer, attribute));
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [`${table}_search_key_idx`, table, ...columns]);
};

/**
 * The customers list's last-order sort, newest first with customers without an order last (and
 * the reverse): schema.json cannot say DESC or where NULLs go, so the index is made here,
 * idempotently, after Strapi's schema sync.
 */
export const createCustomerListIndexes = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(UID.customer).tableName;
  const lastOrderAt = columnOf(strapi, UID.customer, 'lastOrderAt');
  const nulls = isPostgres(strapi) ? ' NULLS LAST' : '';
  await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (?? DESC${nulls}, id DESC)`, [
    `${table}_last_order_at_desc_idx`,
    table,
    lastOrderAt,
  ]);
  await (isPostgres(strapi) ? createSearchIndexes(strapi, table) : createSqliteSearchIndex(strapi, table));
};
