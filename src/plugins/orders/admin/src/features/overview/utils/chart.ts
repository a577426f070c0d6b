/**
 * The sales chart's bars: each day's revenue in the chart's currency and its share of the
 * highest day, computed in integers (money stays exact even where it only sets a bar's height).
 */
import type { OrdersOverviewJson, SalesJson } from '../../../../../shared/contracts/overview';
import { formatMoney, parseMoney } from '../../../../../shared/domain/money';

export interface ChartBar {
  day: string;
  /** The day's orders and revenue in the chart's currency. */
  orders: number;
  revenue: string;
  /** Percent of the highest day, 0–100, to one decimal. */
  share: number;
}

const share = (value: bigint, largest: bigint) => (largest > 0n ? Number((value * 1000n) / largest) / 10 : 0);

/** The bars of `series` in `currency`: a day without sales in it is an empty bar, never left out. */
export const chartBars = (series: OrdersOverviewJson['series'], currency: string): ChartBar[] => {
  const inCurrency = series.map(({ day, sales }) => ({ day, sales: sales.find((sum) => sum.currency === currency) }));
  const amounts = inCurrency.map(({ sales }) => (sales ? parseMoney(sales.revenue, currency) : 0n));
  const highest = amounts.reduce((largest, amount) => (amount > largest ? amount : largest), 0n);
  return inCurrency.map(({ day, sales }, index) => ({
    day,
    orders: sales?.orders ?? 0,
    revenue: formatMoney(amounts[index], currency),
    share: share(amounts[index], highest),
  }));
};

/** The orders of sums in several currencies: one figure for the count. */
export const ordersOf = (sales: SalesJson[]) => sales.reduce((sum, { orders }) => sum + orders, 0);
