/**
 * The history of orders written before it had a table of its own: a JSON array in the order's
 * row, set aside by the migration below in the column below. Moved at bootstrap into
 * orders_history_entries, then the column is dropped — in one transaction, so that a crash
 * leaves the column for the next start to move again.
 */
import type { Core } from '@strapi/strapi';
import type { HistoryEntry } from '../../../../shared/contracts/orders';
import { isPostgres } from '../../core/database';
import type { PluginMigration } from '../../core/migrations';
import { UID } from '../../core/uids';
import { historyRepository, type NewHistoryRow } from './history-repository';

export const LEGACY_HISTORY_COLUMN = 'legacy_history';

/** The orders' table as the code before the history table named it (its schema's collectionName). */
const ORDERS_TABLE = 'orders_orders';

/**
 * Strapi runs this before its schema sync, which would drop the JSON column `history` now that
 * the order's schema no longer has it, and before the new table exists. So the column is only
 * set aside here, under a name Strapi's stored schema never had (its sync leaves such columns
 * alone); moveLegacyHistory moves its entries once the sync has made the table. Until 0.1.0 this
 * was the app's database/migrations/2026.12.01T00.00.00.orders-history-table.js; a database that
 * ran that one has no `history` column left, so this finds nothing to do.
 */
export const historyTableMigration: PluginMigration = {
  name: '0.1.0-01-history-table',
  async up(trx) {
    if (!(await trx.schema.hasTable(ORDERS_TABLE)) || !(await trx.schema.hasColumn(ORDERS_TABLE, 'history'))) return;
    await trx.raw('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [ORDERS_TABLE, 'history', LEGACY_HISTORY_COLUMN]);
  },
};

/** An entry as the old code wrote it into the JSON array: what the API shows, details beside the rest. */
type LegacyEntry = HistoryEntry & Record<string, unknown>;

const BATCH = 500;
/** Any number of app processes may start at once: one moves, the others find nothing left to move. */
const MOVE_LOCK = 20_261_201;

const rowOf = ({ at, actor, action, from, to, note, ...details }: LegacyEntry): NewHistoryRow => ({
  at: new Date(at),
  actor,
  action,
  fromState: from ?? null,
  toState: to ?? null,
  note: note || null,
  details: Object.keys(details).length ? details : null,
});

const entriesOf = (value: unknown): LegacyEntry[] => {
  const entries = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(entries) ? entries : [];
};

/** Moves every legacy history into the history table; answers how many orders had one. */
export const moveLegacyHistory = async (strapi: Core.Strapi): Promise<number> => {
  const table = strapi.db.metadata.get(UID.order).tableName;
  if (!(await strapi.db.connection.schema.hasColumn(table, LEGACY_HISTORY_COLUMN))) return 0;
  const history = historyRepository(strapi);
  let moved = 0;
  await strapi.db.transaction(async ({ trx }) => {
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(?)', [MOVE_LOCK]);
    if (!(await trx.schema.hasColumn(table, LEGACY_HISTORY_COLUMN))) return;
    for (let after = 0; ;) {
      const rows: Array<{ id: number; [LEGACY_HISTORY_COLUMN]: unknown }> = await trx(table)
        .select('id', LEGACY_HISTORY_COLUMN)
        .where('id', '>', after)
        .whereNotNull(LEGACY_HISTORY_COLUMN)
        .orderBy('id')
        .limit(BATCH);
      if (!rows.length) break;
      await history.append(
        trx,
        rows.flatMap((row) => entriesOf(row[LEGACY_HISTORY_COLUMN]).map((entry) => ({ orderId: row.id, entry: rowOf(entry) })))
      );
      moved += rows.length;
      after = rows[rows.length - 1].id;
    }
    await trx.raw('ALTER TABLE ?? DROP COLUMN ??', [table, LEGACY_HISTORY_COLUMN]);
  });
  if (moved) strapi.log.info(`orders: moved the history of ${moved} orders into its own table`);
  return moved;
};
