/**
 * The order's history: every transition, change and custom status of an order, with who, when,
 * from and to. Written in the transaction of the change it records, so that the history never
 * tells of a change that did not happen, nor misses one that did.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { HistoryEntry } from '../../../../shared/contracts/orders';
import { isoOf, type Transaction } from '../../core/database';
import { historyRepository } from './history-repository';
import { serializeHistoryEntry } from './serializer';

/** What happened, as the engine tells it. */
export interface Happening {
  actor: Actor;
  /** A lifecycle action, or "create", "update", "custom-status". */
  action: string;
  from: string | null;
  to: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

const createHistory = ({ strapi }: { strapi: Core.Strapi }) => {
  const history = historyRepository(strapi);
  return {
    /** Appends one entry to the order's history, now, inside the change's transaction; answers it as the API shows it. */
    async record(trx: Transaction, orderId: number, { actor, action, from, to, note, details }: Happening): Promise<HistoryEntry> {
      const entry = { at: new Date(), actor, action, fromState: from, toState: to, note: note || null, details: details ?? null };
      await history.append(trx, [{ orderId, entry }]);
      return serializeHistoryEntry(entry);
    },

    /** Appends entries to several orders at once: a feed's new orders. */
    recordMany: (trx: Transaction, entries: Array<{ orderId: number; entry: Happening }>) =>
      history.append(
        trx,
        entries.map(({ orderId, entry: { actor, action, from, to, note, details } }) => ({
          orderId,
          entry: { at: new Date(), actor, action, fromState: from, toState: to, note: note || null, details: details ?? null },
        }))
      ),

    /** The order's history, oldest first, as the API shows it. */
    of: async (orderId: number): Promise<HistoryEntry[]> => (await history.of(orderId)).map(serializeHistoryEntry),

    /** When the order last entered `state` (ISO 8601), or null. */
    lastEnteredAt: async (trx: Transaction, orderId: number, state: string): Promise<string | null> => {
      const at = await history.lastEnteredAt(trx, orderId, state);
      return at === null ? null : isoOf(at);
    },

    /** A deleted draft takes its history with it. */
    removeOf: (orderId: number) => history.removeOf(orderId),
  };
};

export default createHistory;
