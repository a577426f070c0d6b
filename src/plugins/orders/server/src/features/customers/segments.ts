/**
 * Customers' segments kept current: after every committed change of one of a customer's orders
 * (a job sent on the engine's events, in the change's own transaction, never doing the work in
 * it), and once a day for everyone, since time alone moves a loyal customer to passive.
 * Both run the same set-based statements (segments-repository.ts), on one customer or on all.
 */
import type { Core } from '@strapi/strapi';
import type { EventName, OrderRef } from '../../core/events';
import type { Transaction } from '../../core/database';
import { getService } from '../../core/service';
import { UID } from '../../core/uids';
import { segmentsRepository, type RecomputeOutcome, type Scope } from './segments-repository';

/** The job that recomputes one order's customer, sent on every event of an order's change. */
export const RECOMPUTE_JOB = 'customers.recompute';
/** The daily pass over every customer. */
export const DAILY_JOB = 'customers.segments-daily';

/** The events after which an order's customer may have another count, total, last order or segment. */
const ORDER_EVENTS: EventName[] = ['order.created', 'order.changed', 'order.transitioned', 'order.synced', 'order.deleted'];

/** Ten past midnight in the shop's time zone: the first pass of a new day, after the day's last orders. */
const DAILY_CRON = '10 0 * * *';

export interface RecomputeJob {
  /** The order whose change sent the job (its documentId): its customer is recomputed. */
  order?: string;
  /** Customers to recompute (documentIds). */
  customers?: string[];
}

const createSegments = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = segmentsRepository(strapi);
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');
  let clock = () => new Date();

  const idsOf = async ({ order, customers = [] }: RecomputeJob): Promise<number[]> => {
    const ids: number[] = [];
    if (order) {
      const row = await strapi.db
        .query(UID.order)
        .findOne({ where: { documentId: order }, select: ['id'], populate: { customer: { select: ['id'] } } });
      if (row?.customer) ids.push(row.customer.id);
    }
    if (customers.length) {
      const rows: Array<{ id: number }> = await strapi.db
        .query(UID.customer)
        .findMany({ where: { documentId: { $in: customers } }, select: ['id'] });
      ids.push(...rows.map((row) => row.id));
    }
    return [...new Set(ids)];
  };

  return {
    /** For tests: fixes the clock the jobs compute at (none given: the real one again). */
    useClock(now?: () => Date) {
      clock = now ?? (() => new Date());
    },

    /**
     * Recomputes the stats and segments of customers (by id, or all), in one transaction — the
     * caller's, when there is one (a merge) — and records every segment that changes.
     */
    async recompute(scope: Scope, now: Date = clock()): Promise<RecomputeOutcome> {
      const { segments } = await getService(strapi, 'settings').get();
      return strapi.db.transaction(({ trx }) => repository.recompute(trx, scope, now, segments, timeZone()));
    },

    /** Locks customers whose change ends in their recompute, as the recompute would (a merge: before it locks anything else). */
    lock: (trx: Transaction, ids: number[]) => repository.lockScope(trx, ids),

    /** What the recompute job does: the customers it names, at the clock's time. */
    async run(job: RecomputeJob) {
      return this.recompute(await idsOf(job));
    },

    /** Defines the jobs, sends the recompute on every order event, and schedules the daily pass. */
    start() {
      const jobs = getService(strapi, 'jobs');
      const events = getService(strapi, 'events');
      // Database writes only, after every order change: on SQLite claimed, done and recorded in one
      // commit, a burst's (a busy webshop's, a bulk action's) gathered into one.
      jobs.define<RecomputeJob>(RECOMPUTE_JOB, ({ data }) => this.run(data), {
        retryLimit: 5,
        retryDelaySeconds: 5,
        oneTransaction: true,
        gatherSeconds: 1,
      });
      jobs.define(DAILY_JOB, () => this.recompute('all'), { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 3600 });
      for (const name of ORDER_EVENTS) {
        events.sendOn(name, RECOMPUTE_JOB, (event) => ({ order: (event as { order: OrderRef }).order.documentId }));
      }
      jobs.schedule(DAILY_JOB, { cron: DAILY_CRON, timeZone: timeZone() });
    },
  };
};

export type Segments = ReturnType<typeof createSegments>;

export default createSegments;
