/** The order history's queries: entries are appended, read in the order they were written, never changed. */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import { attributesOf, columnOf, compiled, insertRows, joinTableOf, readIn, type StoredDate, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

/** A history entry as stored. */
export interface HistoryRow {
  at: StoredDate;
  actor: Actor;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  /** What only some actions record, e.g. fail's { restock }. */
  details: Record<string, unknown> | null;
}

export type NewHistoryRow = Omit<HistoryRow, 'at'> & { at: Date };

const FIELDS = ['at', 'actor', 'action', 'fromState', 'toState', 'note', 'details'];

export const historyRepository = (strapi: Core.Strapi) => {
  const entriesOf = compiled<'orderId'>(strapi, (knex, slot) => {
    const link = joinTableOf(strapi, UID.historyEntry, 'order');
    return knex(`${strapi.db.metadata.get(UID.historyEntry).tableName} as h`)
      .join(`${link.name} as l`, `l.${link.joinColumn.name}`, 'h.id')
      .where(`l.${link.inverseJoinColumn.name}`, slot('orderId'))
      .orderBy('h.id')
      .select(FIELDS.map((attribute) => `h.${columnOf(strapi, UID.historyEntry, attribute)}`));
  });

  return {
    /** Appends entries, each to its order, in one batch. */
    append: (trx: Transaction, entries: Array<{ orderId: number; entry: NewHistoryRow }>) =>
      insertRows(
        strapi,
        trx,
        UID.historyEntry,
        entries.map(({ orderId, entry }) => ({
          values: entry,
          links: { order: orderId },
        }))
      ),

    /** An order's entries, oldest first: ids grow in the order entries are appended. One query on the link, every answer about an order asks. */
    of: async (orderId: number): Promise<HistoryRow[]> =>
      (await readIn(strapi, (db) => entriesOf(db, { orderId }))).map(
        (row) => attributesOf(strapi, UID.historyEntry, row) as unknown as HistoryRow
      ),

    /** When the order last entered `state`, or null: read in the caller's transaction. */
    async lastEnteredAt(trx: Transaction, orderId: number, state: string): Promise<StoredDate | null> {
      const table = strapi.db.metadata.get(UID.historyEntry).tableName;
      const link = joinTableOf(strapi, UID.historyEntry, 'order');
      const row = await trx(`${table} as h`)
        .join(`${link.name} as l`, `l.${link.joinColumn.name}`, 'h.id')
        .where(`l.${link.inverseJoinColumn.name}`, orderId)
        .andWhere(`h.${columnOf(strapi, UID.historyEntry, 'toState')}`, state)
        .orderBy('h.id', 'desc')
        .first({ at: `h.${columnOf(strapi, UID.historyEntry, 'at')}` });
      return (row?.at as StoredDate | undefined) ?? null;
    },

    removeOf: (orderId: number) => strapi.db.query(UID.historyEntry).deleteMany({ where: { order: { id: orderId } } }),
  };
};
