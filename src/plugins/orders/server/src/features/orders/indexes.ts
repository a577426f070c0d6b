import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres } from '../../core/database';
import { UID, type PluginUid } from '../../core/uids';

/** The trigram indexes of the search before its key, on LOWER() of number, customer name and SKU: dropped, the key's index serves. */
const OLD_SEARCH_INDEXES: Array<[PluginUid, string]> = [
  [UID.order, 'number'],
  [UID.order, 'customerName'],
  [UID.orderItem, 'sku'],
];

/**
 * On PostgreSQL, a trigram index on the search key lets the search (searchKey LIKE '%…%') use an
 * index instead of reading every order. Strapi cannot declare it, and a database/migrations file
 * would run before Strapi creates the tables of a fresh database — so it is made here, after the
 * schema sync, idempotently. Where the pg_trgm extension may not be installed the search still
 * works, by a table scan.
 */
const createSearchIndexes = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(UID.order).tableName;
  for (const [uid, attribute] of OLD_SEARCH_INDEXES)
    await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [
      `${strapi.db.metadata.get(uid).tableName}_${columnOf(strapi, uid, attribute)}_trgm_idx`,
    ]);
  try {
    await strapi.db.connection.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const column = columnOf(strapi, UID.order, 'searchKey');
    await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (?? gin_trgm_ops)', [
      `${table}_${column}_trgm_idx`,
      table,
      column,
    ]);
  } catch (error) {
    strapi.log.warn(`orders: no trigram index for the orders search (${(error as Error).message}); searching scans the table`);
  }
};

/**
 * Indexes of the orders list's sorts that mix directions (repository.ts): Strapi's
 * schema.json cannot say DESC, so they are made here, on SQLite and PostgreSQL alike; the
 * others are declared in the order's schema.json. The state one also serves the state filter,
 * newest or oldest first.
 */
const MIXED_DIRECTION_INDEXES: Array<{ name: string; columns: Array<[attribute: string, direction: 'asc' | 'desc']> }> = [
  {
    name: 'orders_orders_state_created_at_desc_idx',
    columns: [
      ['state', 'asc'],
      ['createdAt', 'desc'],
      ['id', 'desc'],
    ],
  },
  {
    name: 'orders_orders_customer_sort_key_id_desc_idx',
    columns: [
      ['customerSortKey', 'asc'],
      ['id', 'desc'],
    ],
  },
];

/** The customer sort's index before its sort key (it sorted the name by the database's collation): dropped. */
const OLD_MIXED_DIRECTION_INDEXES = ['orders_orders_customer_name_id_desc_idx'];

const createMixedDirectionIndexes = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(UID.order).tableName;
  for (const name of OLD_MIXED_DIRECTION_INDEXES) await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [name]);
  for (const { name, columns } of MIXED_DIRECTION_INDEXES) {
    const list = columns.map(([, direction]) => `?? ${direction}`).join(', ');
    await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${list})`, [
      name,
      table,
      ...columns.map(([attribute]) => columnOf(strapi, UID.order, attribute)),
    ]);
  }
};

/**
 * SQLite has no trigram index: there the search reads the search key from an index in the
 * default sort's order (created_at, id) instead of from every order, so that a search's count and
 * its deep pages do not read the whole orders table. (On PostgreSQL such an index would lure the
 * planner away from the trigram index.) It replaces the one on number and customer name.
 */
const createSqliteSearchIndex = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(UID.order).tableName;
  const columns = ['createdAt', 'id', 'searchKey'].map((attribute) => columnOf(strapi, UID.order, attribute));
  await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [`${table}_search_idx`]);
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [`${table}_search_key_idx`, table, ...columns]);
};

/** The orders list's indexes that Strapi's schema.json cannot declare, made after its schema sync. */
export const createListIndexes = async (strapi: Core.Strapi) => {
  await createMixedDirectionIndexes(strapi);
  await (isPostgres(strapi) ? createSearchIndexes(strapi) : createSqliteSearchIndex(strapi));
};
