import type { CustomerJson, CustomerSummaryJson, SegmentChangeJson } from '../../../../shared/contracts/customers';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { DEFAULT_CURRENCY, formatMoney } from '../../../../shared/domain/money';
import { isoOf } from '../../core/database';
import type { CustomerRow, CustomerStatsRow, SegmentChangeRow } from './repository';

export const serializeCustomer = (customer: CustomerRow | null | undefined): CustomerJson | null =>
  customer
    ? {
        documentId: customer.documentId,
        name: customer.name,
        email: customer.email ?? null,
        phone: customer.phone ?? null,
        company: customer.company ?? null,
        taxNumber: customer.taxNumber ?? null,
        address: customer.address ?? null,
      }
    : null;

/** A customer with what their orders add up to, as the customers list shows it. */
export const serializeCustomerSummary = (row: CustomerStatsRow): CustomerSummaryJson => ({
  ...serializeCustomer(row)!,
  connection: row.connection ? { documentId: row.connection.documentId, name: row.connection.name } : null,
  segment: row.segment ?? null,
  subscription: row.subscription ?? null,
  subscriptionReason: row.subscriptionReason ?? null,
  subscriptionAt: row.subscriptionAt == null ? null : isoOf(row.subscriptionAt),
  ordersCount: Number(row.ordersCount ?? 0),
  successfulCount: Number(row.successfulCount ?? 0),
  totalSpent: formatMoney(toBigInt(row.totalSpentMinor ?? 0), DEFAULT_CURRENCY),
  currency: DEFAULT_CURRENCY,
  lastOrderAt: row.lastOrderAt == null ? null : isoOf(row.lastOrderAt),
  segmentChangedAt: row.segmentChangedAt == null ? null : isoOf(row.segmentChangedAt),
  createdAt: isoOf(row.createdAt),
});

export const serializeSegmentChange = (row: SegmentChangeRow): SegmentChangeJson => ({
  at: isoOf(row.at),
  from: row.fromSegment ?? null,
  to: row.toSegment,
});
