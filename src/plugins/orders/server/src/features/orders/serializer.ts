/**
 * The JSON of orders: money as decimal strings in the order's currency, quantities as decimal
 * strings, ids as documentIds.
 */
import type {
  AmountsJson,
  HistoryEntry,
  OrderConnectionJson,
  OrderItemJson,
  OrderJson,
  OrderSummaryJson,
} from '../../../../shared/contracts/orders';
import type { OrderInvoiceJson } from '../../../../shared/contracts/invoices';
import { normalAddress } from '../../../../shared/domain/address';
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
  kind: item.kind ?? 'product',
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
  connection: connectionOf(order.connection),
  externalNumber: order.externalNumber ?? null,
  flags: order.flags ?? [],
  createdAt: isoOf(order.createdAt),
  updatedAt: isoOf(order.updatedAt),
});

/** Where the shop's admin shows the order: WooCommerce's order screen, Shoprenter's (OpenCart's) order page. */
const externalUrlOf = ({ connection, externalId }: OrderRow): string | null => {
  if (!connection?.shopUrl || !externalId) return null;
  const shop = connection.shopUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(externalId);
  if (connection.kind === 'woocommerce') return `${shop}/wp-admin/post.php?post=${id}&action=edit`;
  if (connection.kind === 'shoprenter') return `${shop}/admin/index.php?route=sale/order/info&order_id=${id}`;
  return null;
};

const connectionOf = (connection: OrderRow['connection']): OrderConnectionJson | null =>
  connection
    ? { documentId: connection.documentId, name: connection.name, kind: connection.kind, deleted: Boolean(connection.deletedAt) }
    : null;

/**
 * The order's totals: the sums of its lines, per VAT rate too — except that a webshop's order
 * comes to what the shop says the customer pays (stored with it), even when that is not the sum
 * of its lines: such an order is flagged totalMismatch, never silently fixed.
 */
const totalsOf = (order: OrderRow, items: OrderItemRow[]) => {
  const totals = orderTotals(items.map(pricedLine));
  if (!order.externalKey) return totals;
  return { ...totals, net: toBigInt(order.netTotalMinor), vat: toBigInt(order.vatTotalMinor), gross: toBigInt(order.grossTotalMinor) };
};

export const serializeOrder = (order: OrderRow, history: HistoryEntry[], invoices: OrderInvoiceJson[]): OrderJson => {
  const items = [...order.items].sort((a, b) => a.position - b.position);
  const { currency } = order;
  const totals = totalsOf(order, items);
  return {
    documentId: order.documentId,
    number: order.number,
    source: order.source,
    state: order.state,
    // A webshop's order moves with its shop: no button moves it here.
    allowedActions: order.externalKey ? [] : allowedActions(order.state),
    customStatus: order.customStatus ?? null,
    currency,
    note: order.note ?? null,
    language: order.language ?? null,
    customer: serializeCustomer(order.customer),
    billingAddress: normalAddress(order.billingAddress),
    shippingAddress: normalAddress(order.shippingAddress),
    paymentMethod: order.paymentMethod ?? null,
    shippingMethod: order.shippingMethod ?? null,
    trackingNumber: order.trackingNumber ?? null,
    items: items.map((item) => serializeOrderItem(item, currency)),
    totals: {
      ...amounts(totals, currency),
      byVatRate: totals.byVatRate.map((row) => ({ vatRate: row.vatRate, ...amounts(row, currency) })),
    },
    history,
    invoices,
    connection: connectionOf(order.connection),
    externalId: order.externalId ?? null,
    externalNumber: order.externalNumber ?? null,
    externalStatus: order.externalStatus ?? null,
    externalUrl: externalUrlOf(order),
    flags: order.flags ?? [],
    createdAt: isoOf(order.createdAt),
    updatedAt: isoOf(order.updatedAt),
  };
};
