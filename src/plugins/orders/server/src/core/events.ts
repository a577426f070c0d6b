/**
 * Events after commit. The engine publishes what it changed from inside the change's
 * transaction; listeners hear of it only once that transaction has committed — never for a
 * change that was rolled back — in the order the events were published. Later features
 * (documents, invoices, webshops, customer segments) subscribe here instead of growing the engine.
 *
 * Listeners run in this process and must not throw into the engine: the change is already
 * committed. Work that must survive a crash or run once across app processes subscribes with
 * `sendOn`: its job is written in the change's own transaction.
 */
import type { Core } from '@strapi/strapi';
import { getService } from './service';
import type { Actor } from '../../../shared/contracts/actor';
import type { MovementKind } from '../../../shared/contracts/inventory';
import type { OrderAction, OrderState } from '../../../shared/domain/lifecycle';

/** An order, as events name it. */
export interface OrderRef {
  documentId: string;
  number: string;
}

/** One change of one stock item's on-hand quantity, as the ledger wrote it. */
export interface StockMove {
  stockItem: string;
  sku: string;
  kind: MovementKind;
  /** Signed, in the item's unit ("-2.5"). */
  quantity: string;
  balanceAfter: string;
  /** The order's documentId when an order caused it. */
  order: string | null;
}

/** Every event the plugin publishes, by name, with what it carries. */
export interface PluginEvents {
  'order.created': { order: OrderRef; state: OrderState; source: string; actor: Actor };
  /** Its header or lines changed (a draft). */
  'order.changed': { order: OrderRef; actor: Actor };
  'order.deleted': { order: OrderRef; actor: Actor };
  'order.transitioned': { order: OrderRef; action: OrderAction; from: OrderState; to: OrderState; actor: Actor };
  /** A webshop's delivery created or changed the order (its state set directly, as the shop's status maps). */
  'order.synced': {
    order: OrderRef;
    connection: string;
    from: OrderState | null;
    to: OrderState;
    actor: Actor;
    /** Whether the connection issues its orders documents: a job is sent only then (not for each of a feed's orders). */
    issueDocuments: boolean;
  };
  'order.custom-status-set': { order: OrderRef; from: string | null; to: string | null; actor: Actor };
  'stock.moved': { moves: StockMove[]; actor: Actor };
  /** An invoice or a storno invoice was issued for the order. */
  'invoice.issued': { invoice: { documentId: string; number: string }; type: 'invoice' | 'storno'; order: OrderRef; actor: Actor };
}

export type EventName = keyof PluginEvents;
export type Listener<Name extends EventName> = (event: PluginEvents[Name]) => void | Promise<void>;

/** A job sent for every event of a name, with the data made of the event. */
interface JobOnEvent {
  job: string;
  dataOf: (event: never) => object | null;
}

export const createEvents = ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners = new Map<EventName, Set<Listener<never>>>();
  const jobsOn = new Map<EventName, JobOnEvent[]>();

  const deliver = <Name extends EventName>(name: Name, event: PluginEvents[Name]) => {
    for (const listener of (listeners.get(name) ?? []) as Set<Listener<Name>>) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => strapi.log.error(`orders: a listener of ${name} failed: ${(error as Error)?.stack ?? error}`));
    }
  };

  return {
    /** Calls `listener` after every committed change that publishes `name`; answers a function that stops it. */
    on<Name extends EventName>(name: Name, listener: Listener<Name>): () => void {
      const set = (listeners.get(name) ?? new Set()) as Set<Listener<Name>>;
      set.add(listener);
      listeners.set(name, set as Set<Listener<never>>);
      return () => set.delete(listener);
    },

    /**
     * Sends the job `job` (defined with the jobs service) for every change that publishes `name`,
     * in the change's transaction: the job commits or rolls back with the change, and then runs
     * once, retried, in whichever app process — not lost if this one dies right after the commit.
     * `dataOf` makes the job's data of the event (the event itself by default); when it answers
     * null, the event sends no job (the documents job hears only of finalizes).
     */
    sendOn<Name extends EventName>(name: Name, job: string, dataOf: (event: PluginEvents[Name]) => object | null = (event) => event): void {
      jobsOn.set(name, [...(jobsOn.get(name) ?? []), { job, dataOf: dataOf as JobOnEvent['dataOf'] }]);
    },

    /**
     * Announces a change from inside its transaction: listeners hear of it after the commit, or
     * never when the transaction rolls back; the jobs sent on it are written in it. Outside a
     * transaction there is nothing to wait for, and publishing there is a mistake of the caller.
     */
    async publish<Name extends EventName>(name: Name, event: PluginEvents[Name]): Promise<void> {
      if (!strapi.db.inTransaction()) throw new Error(`orders: ${name} was published outside the transaction of its change`);
      for (const { job, dataOf } of jobsOn.get(name) ?? []) {
        const data = (dataOf as (event: PluginEvents[Name]) => object | null)(event);
        if (data !== null) await getService(strapi, 'jobs').send(job, data);
      }
      // A nested transaction joins the engine's: its onCommit waits for the engine's commit.
      await strapi.db.transaction(async ({ onCommit }) => onCommit(() => deliver(name, event)));
    },
  };
};

export type Events = ReturnType<typeof createEvents>;
