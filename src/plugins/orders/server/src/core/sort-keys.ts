/**
 * The name sort keys (shared/domain/sort-key.ts) of the rows that have none — written before the
 * key, or around the engine —, filled at start: a batch per transaction until none is left, so a
 * crash midway leaves the rest for the next start, and two processes starting at once write the
 * same keys. Cheap when there is nothing to do: one indexed read per table.
 */
import type { Core } from '@strapi/strapi';
import { nameSortKey } from '../../../shared/domain/sort-key';
import { columnOf, setColumnOfEach } from './database';
import { UID, type PluginUid } from './uids';

/** Each list sorted by a name: the table, the name, and its key. */
const SORTED_NAMES: Array<{ uid: PluginUid; name: string; key: string }> = [
  { uid: UID.customer, name: 'name', key: 'nameSortKey' },
  { uid: UID.stockItem, name: 'name', key: 'nameSortKey' },
  { uid: UID.order, name: 'customerName', key: 'customerSortKey' },
];

const BATCH = 500;

export const fillSortKeys = async (strapi: Core.Strapi): Promise<number> => {
  let filled = 0;
  for (const { uid, name, key } of SORTED_NAMES) {
    const table = strapi.db.metadata.get(uid).tableName;
    const [nameColumn, keyColumn] = [columnOf(strapi, uid, name), columnOf(strapi, uid, key)];
    for (;;) {
      const done: number = await strapi.db.transaction(async ({ trx }) => {
        const rows: Array<{ id: number; name: string | null }> = await trx(table)
          .whereNull(keyColumn)
          .orderBy('id')
          .limit(BATCH)
          .select({ id: 'id', name: nameColumn });
        // A row without a name gets the empty key, and is done.
        await setColumnOfEach(trx, table, keyColumn, new Map(rows.map((row) => [Number(row.id), nameSortKey(row.name)])));
        return rows.length;
      });
      filled += done;
      if (done < BATCH) break;
    }
  }
  if (filled) strapi.log.info(`orders: name sort keys written for ${filled} rows`);
  return filled;
};
