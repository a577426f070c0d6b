/**
 * The JSON the admin API answers with: money as decimal strings in the order's currency,
 * quantities as decimal strings, ids as documentIds.
 */
import type { Actor } from './actor';
import { formatFixed, toBigInt } from './domain/fixed-point';
import { allowedActions, type OrderState } from './domain/lifecycle';
import { formatMoney, STOCK_CURRENCY } from './domain/money';
import { formatQuantity } from './domain/quantity';
import { DISCOUNT_SCALE, lineAmounts, orderTotals, type Amounts, type PricedLine } from './domain/totals';
import type { VatRate } from './domain/vat';

export interface HistoryEntry {
  at: string;
  actor: Actor;
  action: string;
  from: string | null;
  to: string | null;
  note?: string | null;
  /** Fail only: whether the goods went back into stock. */
  restock?: boolean;
}

type Row = Record<string, any>;

export interface Page {
  page: number;
  pageSize: number;
}

/** Strapi's meta.pagination. */
export const pagination = ({ page, pageSize }: Page, total: number) => ({
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});

export const pricedLine = (item: Row): PricedLine => ({
  quantityMilli: toBigInt(item.quantityMilli),
  unitPriceMinor: toBigInt(item.unitPriceMinor),
  discountBasisPoints: toBigInt(item.discountBasisPoints),
  vatRate: item.vatRate as VatRate,
});

const amounts = ({ net, vat, gross }: Amounts, currency: string) => ({
  net: formatMoney(net, currency),
  vat: formatMoney(vat, currency),
  gross: formatMoney(gross, currency),
});

export const serializeOrderItem = (item: Row, currency: string) => ({
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

export const serializeCustomer = (customer: Row | null | undefined) =>
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
export const serializeOrderSummary = (order: Row) => ({
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

export const serializeOrder = (order: Row) => {
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
export const serializeStockItem = (item: Row, held = 0n) => ({
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

export const serializeMovement = (movement: Row) => ({
  documentId: movement.documentId,
  kind: movement.kind,
  quantity: formatQuantity(toBigInt(movement.quantityMilli)),
  balanceAfter: formatQuantity(toBigInt(movement.balanceAfterMilli)),
  reason: movement.reason ?? null,
  order: movement.order ? { documentId: movement.order.documentId, number: movement.order.number } : null,
  actor: movement.actor ?? null,
  createdAt: movement.createdAt,
});

export type OrderJson = ReturnType<typeof serializeOrder>;
export type OrderSummaryJson = ReturnType<typeof serializeOrderSummary>;
export type OrderItemJson = ReturnType<typeof serializeOrderItem>;
export type StockItemJson = ReturnType<typeof serializeStockItem>;
export type MovementJson = ReturnType<typeof serializeMovement>;
