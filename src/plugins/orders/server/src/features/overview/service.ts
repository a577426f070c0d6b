/**
 * The glance at the day (the home page's widgets): the day's and the month's sales per currency,
 * the last 30 days for the chart, the open orders by state and custom status, the low stock.
 * Days are the shop's calendar days (the plugin's `timeZone`), as the orders list's filters mean them.
 */
import type { Core } from '@strapi/strapi';
import type { LowStockJson, OrdersOverviewJson, SalesJson } from '../../../../shared/contracts/overview';
import { dayIn, endOfDay, startOfDay } from '../../../../shared/domain/calendar';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { DEFAULT_CURRENCY, formatMoney } from '../../../../shared/domain/money';
import {
  coveredDays,
  glanceOf,
  LOW_STOCK_SHOWN,
  monthStartOf,
  OPEN_STATES,
  SALES_STATES,
  type Sales,
} from '../../../../shared/domain/overview';
import { formatQuantity } from '../../../../shared/domain/quantity';
import { overviewRepository } from './repository';

const salesJson = ({ currency, orders, grossMinor }: Sales): SalesJson => ({
  currency,
  orders,
  revenue: formatMoney(grossMinor, currency),
});

const createOverviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = overviewRepository(strapi);
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  return {
    /** The orders' side of the glance at `day` (today in the shop's calendar when not given). */
    async orders(day?: string, now = new Date()): Promise<OrdersOverviewJson> {
      const zone = timeZone();
      const glanced = day ?? dayIn(now, zone);
      const days = coveredDays(glanced);
      const [groups, open] = await Promise.all([
        repository.salesByDay(
          SALES_STATES,
          days.map((covered) => startOfDay(covered, zone)),
          endOfDay(glanced, zone)
        ),
        repository.openByStatus(OPEN_STATES),
      ]);
      const glance = glanceOf(
        glanced,
        groups.map((group) => ({
          day: days[group.bucket],
          currency: group.currency,
          orders: group.orders,
          grossMinor: toBigInt(group.gross),
        }))
      );
      const customStatuses = new Map<string, number>();
      for (const { customStatus, orders } of open) {
        if (customStatus) customStatuses.set(customStatus, (customStatuses.get(customStatus) ?? 0) + orders);
      }
      return {
        day: glanced,
        monthStart: monthStartOf(glanced),
        timeZone: zone,
        currency: DEFAULT_CURRENCY,
        salesStates: [...SALES_STATES],
        sales: { day: glance.day.map(salesJson), month: glance.month.map(salesJson) },
        series: glance.series.map(({ day: seriesDay, sales }) => ({ day: seriesDay, sales: sales.map(salesJson) })),
        open: OPEN_STATES.map((state) => ({
          state,
          orders: open.filter((group) => group.state === state).reduce((sum, group) => sum + group.orders, 0),
        })),
        customStatuses: [...customStatuses]
          .map(([key, orders]) => ({ key, orders }))
          .sort((a, b) => b.orders - a.orders || (a.key < b.key ? -1 : 1)),
      };
    },

    /** The low stock: how many items, and the first few. */
    async lowStock(): Promise<LowStockJson> {
      const [rows, count] = await repository.lowStock(LOW_STOCK_SHOWN);
      return {
        count,
        items: rows.map((row) => ({
          documentId: row.documentId,
          sku: row.sku,
          name: row.name,
          unit: row.unit,
          onHand: formatQuantity(toBigInt(row.onHandMilli)),
          lowStockThreshold: formatQuantity(toBigInt(row.lowStockThresholdMilli)),
        })),
      };
    },
  };
};

export default createOverviewService;
