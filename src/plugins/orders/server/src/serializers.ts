/**
 * The JSON the admin API answers with: money as decimal strings in the order's currency,
 * quantities as decimal strings, ids as documentIds.
 */
import type { CustomerJson } from '../../shared/contracts/customers';
import type { MovementJson, StockItemJson } from '../../shared/contracts/inventory';
import type { AmountsJson, HistoryEntry, OrderItemJson, OrderJson, OrderSummaryJson } from '../../shared/contracts/orders';
import type { Page, Pagination } from '../../shared/contracts/pages';
import { formatFixed, toBigInt } from '../../shared/domain/fixed-point';
import { allowedActions, type OrderState } from '../../shared/domain/lifecycle';
import { formatMoney, STOCK_CURRENCY } from '../../shared/domain/money';
import { formatQuantity } from '../../shared/domain/quantity';
import { DISCOUNT_SCALE, lineAmounts, orderTotals, type Amounts, type PricedLine } from '../../shared/domain/totals';
import type { VatRate } from '../../shared/domain/vat';

type Row = Record<string, any>;

/** Strapi's meta.pagination. */
export const pagination = ({ page, pageSize }: Page, total: number): { pagination: Pagination } => ({
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});

export const pricedLine = (item: Row): PricedLine => ({
  quantityMilli: toBigInt(item.quantityMilli),
  unitPriceMinor: toBigInt(item.unitPriceMinor),
  discountBasisPoints: toBigInt(item.discountBasisPoints),
  vatRate: item.vatRate as VatRate,
});

const amounts = ({ net, vat, gross }: Amounts, currency: string): AmountsJson => ({
  net: formatMoney(net, currency),
  vat: formatMoney(vat, currency),
  gross: formatMoney(gross, currency),
});

export const serializeOrderItem = (item: Row, currency: string): OrderItemJson => ({
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

export const serializeCustomer = (customer: Row | null | undefined): CustomerJson | null =>
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

/** The stored totals of an order's lines (see the engine's saveLines). */
const storedTotals = (order: Row) => ({
  net: toBigInt(order.netTotalMinor),
  vat: toBigInt(order.vatTotalMinor),
  gross: toBigInt(order.grossTotalMinor),
});

/** One row of the orders list: what the list shows, without lines and history. */
export const serializeOrderSummary = (order: Row): OrderSummaryJson => ({
  documentId: order.documentId as string,
  number: order.number as string,
  source: order.source as string,
  state: order.state as OrderState,
  customStatus: (order.customStatus ?? null) as string | null,
  currency: order.currency as string,
  customer: order.customer ? { documentId: order.customer.documentId as string, name: order.customer.name as string } : null,
  totals: amounts(storedTotals(order), order.currency),
  lineCount: order.lineCount as number,
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
});

export const serializeOrder = (order: Row): OrderJson => {
  const items: Row[] = [...(order.items ?? [])].sort((a, b) => a.position - b.position);
  const { currency } = order;
  const totals = orderTotals(items.map(pricedLine));
  return {
    documentId: order.documentId,
    number: order.number,
    source: order.source,
    state: order.state as OrderState,
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
    history: (order.history ?? []) as HistoryEntry[],
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
};

/** `held`: what open orders hold of the item; `isLow`: at or below its low-stock threshold. */
export const serializeStockItem = (item: Row, held = 0n): StockItemJson => ({
  documentId: item.documentId,
  sku: item.sku,
  name: item.name,
  unit: item.unit,
  unitPrice: formatMoney(toBigInt(item.unitPriceMinor), STOCK_CURRENCY),
  vatRate: item.vatRate,
  onHand: formatQuantity(toBigInt(item.onHandMilli)),
  lowStockThreshold: item.lowStockThresholdMilli == null ? null : formatQuantity(toBigInt(item.lowStockThresholdMilli)),
  held: formatQuantity(held),
  isLow: item.lowStockThresholdMilli != null && toBigInt(item.onHandMilli) <= toBigInt(item.lowStockThresholdMilli),
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const serializeMovement = (movement: Row): MovementJson => ({
  documentId: movement.documentId,
  kind: movement.kind,
  quantity: formatQuantity(toBigInt(movement.quantityMilli)),
  balanceAfter: formatQuantity(toBigInt(movement.balanceAfterMilli)),
  reason: movement.reason ?? null,
  order: movement.order ? { documentId: movement.order.documentId, number: movement.order.number } : null,
  actor: movement.actor ?? null,
  createdAt: movement.createdAt,
});
