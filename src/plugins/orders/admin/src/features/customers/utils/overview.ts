/**
 * The overview's bars: each segment's share of the largest, computed in integers (money stays
 * exact even where it only sets a bar's width). Segments come in the domain's order; customers not
 * yet segmented (before the first pass) are left out.
 */
import type { SegmentOverviewJson } from '../../../../../shared/contracts/customers';
import { parseMoney } from '../../../../../shared/domain/money';
import { SEGMENTS, type Segment } from '../../../../../shared/domain/segments';

export interface Bar {
  segment: Segment;
  customers: number;
  totalSpent: string;
  /** Percent of the largest, 0–100, for the bar's width. */
  customersShare: number;
  spentShare: number;
}

const share = (value: bigint, largest: bigint) => (largest > 0n ? Number((value * 1000n) / largest) / 10 : 0);

export const barsOf = (rows: SegmentOverviewJson[], currency: string): Bar[] => {
  const bySegment = new Map(rows.flatMap((row) => (row.segment ? [[row.segment, row] as const] : [])));
  const present = SEGMENTS.filter((segment) => bySegment.has(segment)).map((segment) => bySegment.get(segment)!);
  const spent = present.map((row) => parseMoney(row.totalSpent, currency));
  const mostCustomers = BigInt(Math.max(0, ...present.map((row) => row.customers)));
  const mostSpent = spent.reduce((largest, value) => (value > largest ? value : largest), 0n);
  return present.map((row, i) => ({
    segment: row.segment!,
    customers: row.customers,
    totalSpent: row.totalSpent,
    customersShare: share(BigInt(row.customers), mostCustomers),
    spentShare: share(spent[i], mostSpent),
  }));
};
