/**
 * A glance at the day (the admin's home page): which orders count as sales, which are still open,
 * which days the glance covers, and the day's, the month's and each day's sales summed from rows
 * grouped by day and currency — in integers of the minor unit, never through a float.
 */
import { addDays } from './calendar';
import { HOLDING_STATES, type OrderState } from './lifecycle';

/**
 * The orders that count as sales: those the shop has taken on — finalized, fulfilled, successful,
 * the states that hold stock. A draft is not yet an order and a failed one fell through. Not the
 * segments' counted states: those are a setting about customers' buying habits (which may count
 * drafts), while the takings of a day must mean the same in every shop.
 */
export const SALES_STATES: readonly OrderState[] = HOLDING_STATES;

/** Orders still waiting on the shop: drafts to finalize, finalized ones to fulfil, fulfilled ones to close. */
export const OPEN_STATES: readonly OrderState[] = ['draft', 'finalized', 'fulfilled'];

/** How many days the chart draws, ending with the day glanced at. */
export const SERIES_DAYS = 30;

/** How many low-stock items the glance names (it counts them all). */
export const LOW_STOCK_SHOWN = 5;

/** The first day of `day`'s month. */
export const monthStartOf = (day: string): string => `${day.slice(0, 7)}-01`;

/**
 * Every day the glance sums, oldest first: from the chart's first day or the month's first,
 * whichever is earlier, to `day` itself. The database answers one group per day of these.
 */
export const coveredDays = (day: string): string[] => {
  const chartStart = addDays(day, -(SERIES_DAYS - 1));
  const monthStart = monthStartOf(day);
  const first = monthStart < chartStart ? monthStart : chartStart;
  const days: string[] = [];
  for (let current = first; current <= day; current = addDays(current, 1)) days.push(current);
  return days;
};

/** One group the database answers: the orders of one day in one currency, and their gross in its minor unit. */
export interface DaySalesRow {
  day: string;
  currency: string;
  orders: number;
  grossMinor: bigint;
}

/** Orders and their gross in one currency. */
export interface Sales {
  currency: string;
  orders: number;
  grossMinor: bigint;
}

/** Sums the rows per currency; currencies in alphabetical order, so that the answer is stable. */
const sumByCurrency = (rows: DaySalesRow[]): Sales[] => {
  const byCurrency = new Map<string, Sales>();
  for (const row of rows) {
    const sum = byCurrency.get(row.currency) ?? { currency: row.currency, orders: 0, grossMinor: 0n };
    sum.orders += row.orders;
    sum.grossMinor += row.grossMinor;
    byCurrency.set(row.currency, sum);
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
};

/** The day's sales, the month's up to the day, and the chart's days (every one, oldest first, empty ones too). */
export const glanceOf = (day: string, rows: DaySalesRow[]) => {
  const monthStart = monthStartOf(day);
  const chartDays = coveredDays(day).slice(-SERIES_DAYS);
  return {
    day: sumByCurrency(rows.filter((row) => row.day === day)),
    month: sumByCurrency(rows.filter((row) => row.day >= monthStart && row.day <= day)),
    series: chartDays.map((chartDay) => ({ day: chartDay, sales: sumByCurrency(rows.filter((row) => row.day === chartDay)) })),
  };
};
