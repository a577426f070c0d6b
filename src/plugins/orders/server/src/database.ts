/** Small helpers for the few places that speak to the database below Strapi's query engine. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginUid } from './uids';

export type Transaction = Knex.Transaction;

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** The column Strapi gave an attribute. */
export const columnOf = (strapi: Core.Strapi, uid: PluginUid, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string }).columnName ?? attribute;

/**
 * SELECT … FOR UPDATE of one row by documentId: the lock of the lock-then-write pattern.
 * SQLite has no row locks and needs none: it lets one writer at a time.
 */
export const lockByDocumentId = async (strapi: Core.Strapi, trx: Transaction, uid: PluginUid, documentId: string) => {
  const query = trx(strapi.db.metadata.get(uid).tableName)
    .where(columnOf(strapi, uid, 'documentId'), documentId)
    .select('id');
  if (isPostgres(strapi)) query.forUpdate();
  const row = await query.first();
  return row ? (row.id as number) : null;
};
