/** The home page's glance at the day: GET /orders/overview and GET /orders/overview/low-stock. */
import { z } from 'zod';
import type { OrderState } from '../domain/lifecycle';
import type { Answer } from './pages';

export const overviewQuery = z.object({
  /** The day to glance at, in the shop's calendar; today when left out. */
  day: z.iso.date({ error: 'must be a date such as 2026-11-27' }).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

/** Orders and their gross in one currency, as a decimal string. */
export interface SalesJson {
  currency: string;
  orders: number;
  revenue: string;
}

export interface OrdersOverviewJson {
  /** The day glanced at (YYYY-MM-DD) in the shop's time zone, and the first of its month. */
  day: string;
  monthStart: string;
  timeZone: string;
  /** The shop's currency: the one the chart draws. */
  currency: string;
  /** The states whose orders are sales (finalized, fulfilled, successful). */
  salesStates: OrderState[];
  /** Orders created that day, and this month up to that day, in the sales states: per currency. */
  sales: { day: SalesJson[]; month: SalesJson[] };
  /** The last 30 days up to the day, oldest first, each of them (an empty day has no sales). */
  series: Array<{ day: string; sales: SalesJson[] }>;
  /** Every open state (draft, finalized, fulfilled) and how many orders are in it now. */
  open: Array<{ state: OrderState; orders: number }>;
  /** The custom statuses the open orders carry, and how many carry each; most first. */
  customStatuses: Array<{ key: string; orders: number }>;
}

export interface LowStockItemJson {
  documentId: string;
  sku: string;
  name: string;
  unit: string;
  /** What can still be sold (szabad készlet), and the threshold at or below which it is low. */
  onHand: string;
  lowStockThreshold: string;
}

export interface LowStockJson {
  /** How many items are low. */
  count: number;
  /** The first few, those furthest below their threshold first. */
  items: LowStockItemJson[];
}

export declare namespace GetOrdersOverview {
  type Query = z.input<typeof overviewQuery>;
  type Response = Answer<OrdersOverviewJson>;
}

export declare namespace GetLowStock {
  type Response = Answer<LowStockJson>;
}
