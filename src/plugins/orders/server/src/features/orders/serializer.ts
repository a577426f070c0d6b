/**
 * The JSON of orders: money as decimal strings in the order's currency, quantities as decimal
 * strings, ids as documentIds.
 */
import type { AmountsJson, HistoryEntry, OrderItemJson, OrderJson, OrderSummaryJson } from '../../../../shared/contracts/orders';
import { formatFixed, toBigInt } from '../../../../shared/domain/fixed-point';
import { allowedActions } from '../../../../shared/domain/lifecycle';
import { formatMoney } from '../../../../shared/domain/money';
import { formatQuantity } from '../../../../shared/domain/quantity';
import { DISCOUNT_SCALE, lineAmounts, orderTotals, type Amounts } from '../../../../shared/domain/totals';
import { isoOf } from '../../core/database';
import { serializeCustomer } from '../customers/serializer';
import type { HistoryRow } from './history-repository';
import { pricedLine } from './lines';
import type { OrderItemRow, OrderRow, OrderSummaryRow } from './repository';

const amounts = ({ net, vat, gross }: Amounts, currency: string): AmountsJson => ({
  net: formatMoney(net, currency),
  vat: formatMoney(vat, currency),
  gross: formatMoney(gross, currency),
});

export const serializeOrderItem = (item: OrderItemRow, currency: string): OrderItemJson => ({
  documentId: item.documentId,
  position: item.position,
  stockItem: item.stockItem?.documentId ?? null,
  sku: item.sku ?? null,
  name: item.name,
  quantity: formatQuantity(toBigInt(item.quantityMilli)),
  unit: item.unit,
  unitPrice: formatMoney(toBigInt(item.unitPriceMinor), currency),
  discountPercent: formatFixed(toBigInt(item.discountBasisPoints), DISCOUNT_SCALE, { trim: true }),
  vatRate: item.vatRate,
  note: item.note ?? null,
  ...amounts(lineAmounts(pricedLine(item)), currency),
});

export const serializeHistoryEntry = ({ at, actor, action, fromState, toState, note, details }: HistoryRow): HistoryEntry => ({
  at: isoOf(at),
  actor,
  action,
  from: fromState ?? null,
  to: toState ?? null,
  ...(note ? { note } : {}),
  ...details,
});

/** One row of the orders list, from the totals stored with the order (see the engine's saveLines). */
export const serializeOrderSummary = (order: OrderSummaryRow): OrderSummaryJson => ({
  documentId: order.documentId,
  number: order.number,
  source: order.source,
  state: order.state,
  customStatus: order.customStatus ?? null,
  currency: order.currency,
  customer: order.customer ? { documentId: order.customer.documentId, name: order.customer.name } : null,
  totals: amounts(
    { net: toBigInt(order.netTotalMinor), vat: toBigInt(order.vatTotalMinor), gross: toBigInt(order.grossTotalMinor) },
    order.currency
  ),
  lineCount: order.lineCount,
  createdAt: isoOf(order.createdAt),
  updatedAt: isoOf(order.updatedAt),
});

export const serializeOrder = (order: OrderRow, history: HistoryEntry[]): OrderJson => {
  const items = [...order.items].sort((a, b) => a.position - b.position);
  const { currency } = order;
  const totals = orderTotals(items.map(pricedLine));
  return {
    documentId: order.documentId,
    number: order.number,
    source: order.source,
    state: order.state,
    allowedActions: allowedActions(order.state),
    customStatus: order.customStatus ?? null,
    currency,
    note: order.note ?? null,
    customer: serializeCustomer(order.customer),
    items: items.map((item) => serializeOrderItem(item, currency)),
    totals: {
      ...amounts(totals, currency),
      byVatRate: totals.byVatRate.map((row) => ({ vatRate: row.vatRate, ...amounts(row, currency) })),
    },
    history,
    createdAt: isoOf(order.createdAt),
    updatedAt: isoOf(order.updatedAt),
  };
};
