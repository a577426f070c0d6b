import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres } from '../../core/database';
import { UID } from '../../core/uids';

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
};
