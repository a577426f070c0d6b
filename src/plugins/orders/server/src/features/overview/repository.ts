/**
 * The glance's SQL: a few grouped statements over the orders and the stock items, never a row per
 * order read into JavaScript — 100 000 orders are three statements. The sums are the databases'
 * own integer sums of the minor-unit column.
 */
import type { Core } from '@strapi/strapi';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import { columnOf, type StoredInteger } from '../../core/database';
import { UID } from '../../core/uids';

/** One group of sales: the index of its day among the starts asked for, a currency, a count and a sum. */
export interface SalesGroupRow {
  bucket: number;
  currency: string;
  orders: number;
  gross: StoredInteger;
}

export interface LowStockRow {
  documentId: string;
  sku: string;
  name: string;
  unit: string;
  onHandMilli: StoredInteger;
  lowStockThresholdMilli: StoredInteger;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

export const overviewRepository = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection;
  const orders = strapi.db.metadata.get(UID.order).tableName;
  const order = (attribute: string) => columnOf(strapi, UID.order, attribute);
  const stockItems = strapi.db.metadata.get(UID.stockItem).tableName;
  const item = (attribute: string) => columnOf(strapi, UID.stockItem, attribute);

  return {
    /**
     * The orders in `states` created from `starts[0]` to `end`, counted and summed per day and
     * currency. `starts` are the first instants of consecutive days of the shop's calendar, so a
     * day is a range of instants here, and the time zone stays in JavaScript (SQLite has none):
     * an order's day is the last start at or before its creation, one CASE of ranges.
     */
    async salesByDay(states: readonly OrderState[], starts: Date[], end: Date): Promise<SalesGroupRow[]> {
      const created = order('createdAt');
      const branches = starts
        .slice(1)
        .map((_, index) => `WHEN ${created} < ? THEN ${index}`)
        .join(' ');
      const bucket = branches ? `CASE ${branches} ELSE ${starts.length - 1} END` : '0';
      const rows: Array<Record<string, unknown>> = await db()
        .from(orders)
        .select(db().raw(`${bucket} AS bucket`, starts.slice(1)), { currency: order('currency') })
        .count({ orders: '*' })
        .sum({ gross: order('grossTotalMinor') })
        .whereIn(order('state'), [...states])
        .where(created, '>=', starts[0])
        .where(created, '<', end)
        .groupByRaw(`1, ${order('currency')}`);
      return rows.map((row) => ({
        bucket: Number(row.bucket),
        currency: String(row.currency),
        orders: Number(row.orders),
        gross: (row.gross as StoredInteger | null) ?? 0,
      }));
    },

    /** How many orders each open state and custom status holds now: one group per pair. */
    async openByStatus(states: readonly OrderState[]): Promise<Array<{ state: OrderState; customStatus: string | null; orders: number }>> {
      const rows: Array<Record<string, unknown>> = await db()
        .from(orders)
        .select({ state: order('state'), customStatus: order('customStatus') })
        .count({ orders: '*' })
        .whereRaw(`${order('state')} IN (${placeholders(states)})`, [...states])
        .groupBy(order('state'), order('customStatus'));
      return rows.map((row) => ({
        state: row.state as OrderState,
        customStatus: (row.customStatus as string | null) ?? null,
        orders: Number(row.orders),
      }));
    },

    /**
     * The stock items at or below their threshold (the inventory's isLow): how many, and the
     * first `limit`, those furthest below it first, then by SKU.
     */
    async lowStock(limit: number): Promise<[LowStockRow[], number]> {
      const onHand = item('onHandMilli');
      const threshold = item('lowStockThresholdMilli');
      const low = () => db().from(stockItems).whereNotNull(threshold).whereRaw(`${onHand} <= ${threshold}`);
      const [rows, [{ count }]] = await Promise.all([
        low()
          .orderByRaw(`${onHand} - ${threshold} ASC, ${item('sku')} ASC`)
          .limit(limit)
          .select({
            documentId: item('documentId'),
            sku: item('sku'),
            name: item('name'),
            unit: item('unit'),
            onHandMilli: onHand,
            lowStockThresholdMilli: threshold,
          }),
        low().count({ count: '*' }),
      ]);
      return [rows as LowStockRow[], Number(count)];
    },
  };
};
