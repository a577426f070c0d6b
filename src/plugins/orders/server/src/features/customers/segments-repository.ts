/**
 * The segments' SQL: a customer's order stats and segment, recomputed for some customers or for
 * all of them by the same few set-based statements — aggregate the counted orders, write the
 * stats that differ, record the segment changes, write the new segments — on SQLite and
 * PostgreSQL alike. No customer is read into JavaScript: 100 000 customers are four statements.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import { DEFAULT_CURRENCY } from '../../../../shared/domain/money';
import { cutoffsOf, type SegmentRules } from '../../../../shared/domain/segments';
import { columnOf, isPostgres, joinTableOf, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

/** Which customers a recompute touches: some by id, or all. */
export type Scope = number[] | 'all';

/** What a recompute did: customers whose stats or segment it wrote. */
export interface RecomputeOutcome {
  statsChanged: number;
  segmentsChanged: number;
}

export const segmentsRepository = (strapi: Core.Strapi) => {
  const table = (uid: (typeof UID)[keyof typeof UID]) => strapi.db.metadata.get(uid).tableName;
  const customer = (attribute: string) => columnOf(strapi, UID.customer, attribute);
  const order = (attribute: string) => columnOf(strapi, UID.order, attribute);
  /** SQLite's IS NOT is PostgreSQL's IS DISTINCT FROM: unequal, a NULL counting as a value. */
  const differs = () => (isPostgres(strapi) ? 'IS DISTINCT FROM' : 'IS NOT');
  const ids = (scope: Scope) => (scope === 'all' ? [] : scope);
  const inScope = (scope: Scope, column: string) => (scope === 'all' ? '' : ` AND ${column} IN (${scope.map(() => '?').join(', ')})`);

  /** Each customer's counted orders: how many, how many successful, the gross spent in the shop's currency, the last one's time. */
  const aggregate = (scope: Scope, counted: OrderState[]) => {
    const link = joinTableOf(strapi, UID.order, 'customer');
    const sql = `SELECT l.${link.inverseJoinColumn.name} AS customer_id, COUNT(*) AS n,
        SUM(CASE WHEN o.${order('state')} = 'successful' THEN 1 ELSE 0 END) AS successful,
        SUM(CASE WHEN o.${order('currency')} = ? THEN o.${order('grossTotalMinor')} ELSE 0 END) AS spent,
        MAX(o.${order('createdAt')}) AS last_at
      FROM ${table(UID.order)} o JOIN ${link.name} l ON l.${link.joinColumn.name} = o.id
      WHERE o.${order('state')} IN (${counted.map(() => '?').join(', ')})${inScope(scope, `l.${link.inverseJoinColumn.name}`)}
      GROUP BY l.${link.inverseJoinColumn.name}`;
    return { sql, bindings: [DEFAULT_CURRENCY, ...counted, ...ids(scope)] };
  };

  /** Writes the stats of customers with counted orders where they differ; then empties those of customers left without. */
  const writeStats = async (trx: Transaction, scope: Scope, counted: OrderState[]) => {
    const stats = aggregate(scope, counted);
    const c = table(UID.customer);
    const columns = ['ordersCount', 'successfulCount', 'totalSpentMinor', 'lastOrderAt'].map(customer);
    const sources = ['s.n', 's.successful', 's.spent', 's.last_at'];
    const changed = columns.map((column, i) => `${c}.${column} ${differs()} ${sources[i]}`).join(' OR ');
    const written = await trx.raw(
      `UPDATE ${c} SET ${columns.map((column, i) => `${column} = ${sources[i]}`).join(', ')}
       FROM (${stats.sql}) s WHERE ${c}.id = s.customer_id AND (${changed})`,
      stats.bindings
    );
    const link = joinTableOf(strapi, UID.order, 'customer');
    // NOT EXISTS, not NOT IN: PostgreSQL runs it as an anti-join, where NOT IN over a million
    // links that do not fit its work memory is searched again for every customer.
    const emptied = await trx.raw(
      `UPDATE ${c} SET ${columns[0]} = 0, ${columns[1]} = 0, ${columns[2]} = 0, ${columns[3]} = NULL
       WHERE (${columns[0]} <> 0 OR ${columns[1]} <> 0 OR ${columns[2]} <> 0 OR ${columns[3]} IS NOT NULL)${inScope(scope, 'id')}
         AND NOT EXISTS (SELECT 1 FROM ${link.name} l JOIN ${table(UID.order)} o ON o.id = l.${link.joinColumn.name}
                         WHERE l.${link.inverseJoinColumn.name} = ${c}.id AND o.${order('state')} IN (${counted.map(() => '?').join(', ')}))`,
      [...ids(scope), ...counted]
    );
    return rowCount(written) + rowCount(emptied);
  };

  /**
   * Links each customer without a webshop connection to the one their orders came through (the
   * lowest id, where several did): customers a shop's order found by e-mail, and those from before
   * customers kept their connection.
   */
  const linkConnections = async (trx: Transaction, scope: Scope) => {
    const own = joinTableOf(strapi, UID.customer, 'connection');
    const ordered = joinTableOf(strapi, UID.order, 'customer');
    const via = joinTableOf(strapi, UID.order, 'connection');
    const customerOf = `l.${ordered.inverseJoinColumn.name}`;
    await trx.raw(
      `INSERT INTO ${own.name} (${own.joinColumn.name}, ${own.inverseJoinColumn.name})
       SELECT ${customerOf}, MIN(v.${via.inverseJoinColumn.name})
       FROM ${ordered.name} l JOIN ${via.name} v ON v.${via.joinColumn.name} = l.${ordered.joinColumn.name}
       WHERE ${customerOf} IS NOT NULL${inScope(scope, customerOf)}
         AND NOT EXISTS (SELECT 1 FROM ${own.name} x WHERE x.${own.joinColumn.name} = ${customerOf})
       GROUP BY ${customerOf}`,
      ids(scope)
    );
  };

  /** The segment of every customer at `now`, as one CASE over its stored stats (shared/domain/segments.ts, in SQL). */
  const segmentCase = (now: Date, rules: SegmentRules, timeZone: string) => {
    const { bands, registeredSince } = cutoffsOf(now, rules, timeZone);
    const count = customer('ordersCount');
    const last = customer('lastOrderAt');
    const bindings: unknown[] = [];
    const branches = bands.map((band) => {
      bindings.push(band.fromOrders, band.activeSince, band.active, band.passiveSince, band.passive, band.lost);
      return `WHEN ${count} >= ? THEN CASE WHEN ${last} >= ? THEN ? WHEN ${last} >= ? THEN ? ELSE ? END`;
    });
    bindings.push(registeredSince);
    const subscription = customer('subscription');
    const sql = `CASE ${branches.join(' ')}
      WHEN ${subscription} = 'unsubscribed' THEN 'unsubscribed' WHEN ${subscription} = 'subscribed' THEN 'subscriber'
      WHEN ${customer('createdAt')} >= ? THEN 'registered' ELSE 'inactive' END`;
    return { sql, bindings };
  };

  /** Records, then writes, every segment that the rules change at `now`. */
  const writeSegments = async (trx: Transaction, scope: Scope, now: Date, rules: SegmentRules, timeZone: string) => {
    const next = segmentCase(now, rules, timeZone);
    const c = table(UID.customer);
    const segment = customer('segment');
    const where = `WHERE (${next.sql}) ${differs()} ${segment}${inScope(scope, 'id')}`;
    const whereBindings = [...next.bindings, ...ids(scope)];
    // Each change's documentId is this pass's mark and its customer's id: its link row is made from it, set-based too.
    const mark = createId();
    const changes = table(UID.segmentChange);
    const column = (attribute: string) => columnOf(strapi, UID.segmentChange, attribute);
    const inserted = await trx.raw(
      `INSERT INTO ${changes} (${['documentId', 'at', 'fromSegment', 'toSegment', 'createdAt', 'updatedAt', 'publishedAt'].map(column).join(', ')})
       SELECT ? || CAST(id AS TEXT), ?, ${segment}, ${next.sql}, ?, ?, ? FROM ${c} ${where}`,
      [`${mark}-`, now, ...next.bindings, now, now, now, ...whereBindings]
    );
    const count = rowCount(inserted);
    if (!count) return 0;
    const link = joinTableOf(strapi, UID.segmentChange, 'customer');
    await trx.raw(
      `INSERT INTO ${link.name} (${link.joinColumn.name}, ${link.inverseJoinColumn.name})
       SELECT id, CAST(SUBSTR(${column('documentId')}, ?) AS INTEGER) FROM ${changes} WHERE ${column('documentId')} LIKE ?`,
      [mark.length + 2, `${mark}-%`]
    );
    await trx.raw(`UPDATE ${c} SET ${segment} = ${next.sql}, ${customer('segmentChangedAt')} = ? ${where}`, [
      ...next.bindings,
      now,
      ...whereBindings,
    ]);
    return count;
  };

  /**
   * On PostgreSQL, what keeps a recompute from writing stats older than another's: its statements
   * read the orders as of when each starts, so a recompute must start reading only once no other
   * is writing its customers. The daily pass takes the lock alone; recomputes of some customers
   * share it and lock their rows. SQLite lets one writer at a time already.
   */
  const lockScope = async (trx: Transaction, scope: Scope) => {
    if (!isPostgres(strapi)) return;
    const share = scope === 'all' ? '' : '_shared';
    await trx.raw(`SELECT pg_advisory_xact_lock${share}(hashtextextended('orders:customer-segments', 0))`);
    if (scope !== 'all' && scope.length) await trx(table(UID.customer)).whereIn('id', scope).orderBy('id').forUpdate().select('id');
  };

  return {
    /** Locks customers for a change that ends in their recompute (a merge): before their rows, as a recompute takes it. */
    lockScope,

    /** Recomputes the stats and segments of the scope's customers at `now`, in the caller's transaction. */
    async recompute(trx: Transaction, scope: Scope, now: Date, rules: SegmentRules, timeZone: string): Promise<RecomputeOutcome> {
      if (scope !== 'all' && !scope.length) return { statsChanged: 0, segmentsChanged: 0 };
      await lockScope(trx, scope);
      const statsChanged = await writeStats(trx, scope, rules.countedStates);
      await linkConnections(trx, scope);
      const segmentsChanged = await writeSegments(trx, scope, now, rules, timeZone);
      return { statsChanged, segmentsChanged };
    },
  };
};

/** How many rows a raw statement wrote: knex answers PostgreSQL's result, or better-sqlite3's run info. */
const rowCount = (result: unknown): number => {
  const answer = result as { rowCount?: number; changes?: number } | Knex.Raw;
  return Number((answer as { rowCount?: number }).rowCount ?? (answer as { changes?: number }).changes ?? 0);
};
