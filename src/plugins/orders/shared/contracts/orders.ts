/** Orders: the requests that create, change, move and list them, and the JSON of each answer. */
import { z } from 'zod';
import { isCurrencyCode } from '../domain/money';
import { ORDER_ACTIONS, ORDER_STATES, type OrderAction, type OrderState } from '../domain/lifecycle';
import { DISCOUNT_SCALE } from '../domain/totals';
import type { LineVatRate } from '../domain/totals';
import type { Actor } from './actor';
import { addressInput, customerInput, type AddressJson, type CustomerJson } from './customers';
import { csvQuery } from './csv';
import type { ErrorJson } from './errors';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from './documents';
import type { OrderInvoiceJson } from './invoices';
import { decimal, documentId, money, optionalText, ours, percent, quantity, text, vatRate } from './fields';
import { pageQuery, type Answer, type ListAnswer } from './pages';

/** The orders list's sorts, for the API's contract and the admin's list page alike. */
export const ORDER_SORTS = [
  'createdAt:desc',
  'createdAt:asc',
  'number:asc',
  'number:desc',
  'gross:asc',
  'gross:desc',
  'state:asc',
  'customer:asc',
] as const;

export type OrderSort = (typeof ORDER_SORTS)[number];

/** The most lines one order takes. */
export const MAX_LINES = 2000;

export const lineInput = z
  .strictObject({
    stockItem: documentId.optional(),
    sku: text(64).min(1).optional(),
    name: text().min(1).optional(),
    quantity,
    unitPrice: money.optional(),
    discountPercent: decimal(DISCOUNT_SCALE, percent).optional(),
    vatRate: vatRate.optional(),
    unit: text(16).min(1).optional(),
    note: optionalText(2000),
  })
  .refine((line) => !(line.stockItem && line.sku), {
    message: 'give either stockItem or sku, not both',
    ...ours('bothGiven', { fields: ['stockItem', 'sku'] }),
  });

/**
 * What a manual order's payment and shipping methods are suggested as (the admin words them in its
 * language); any other text is taken too, as a webshop sends its own ("GLS futárszolgálat").
 */
export const PAYMENT_METHOD_SUGGESTIONS = ['transfer', 'cashOnDelivery', 'card', 'cash'] as const;
export const SHIPPING_METHOD_SUGGESTIONS = ['courier', 'parcelLocker', 'post', 'pickup'] as const;

/** The currencies the admin offers first; any ISO 4217 code is taken. */
export const COMMON_CURRENCIES = ['HUF', 'EUR', 'USD', 'GBP', 'CHF', 'CZK', 'PLN', 'RON'] as const;

/**
 * The contact details: correctable in every state, each correction in the order's history. Every
 * other field of an order changes only while it is a draft; the tracking number once fulfilled.
 */
export const CONTACT_FIELDS = ['customer', 'billingAddress', 'shippingAddress'] as const;

const orderFields = {
  customer: customerInput.optional(),
  customerId: documentId.optional(),
  /** The order's own: kept as it was ordered when the customer's address changes later. */
  billingAddress: addressInput.nullable().optional(),
  shippingAddress: addressInput.nullable().optional(),
  paymentMethod: optionalText(128),
  shippingMethod: optionalText(128),
  currency: z
    .string()
    .refine(isCurrencyCode, { message: 'must be a three-letter ISO 4217 code such as HUF or EUR', ...ours('notCurrency') })
    .optional(),
  note: optionalText(5000),
  /** What the order's documents are written in; left out or null: Hungarian. */
  language: z.enum(DOCUMENT_LANGUAGES).nullable().optional(),
  items: z.array(lineInput).max(MAX_LINES),
};

const oneCustomer = (order: { customer?: unknown; customerId?: unknown }) => !(order.customer && order.customerId);
const notTwoCustomers = {
  message: 'give either customer or customerId, not both',
  path: ['customer'],
  ...ours('bothGiven', { fields: ['customer', 'customerId'] }),
};

export const createOrderInput = z
  .strictObject(orderFields)
  .refine((order) => order.customer || order.customerId, {
    message: 'give a customer or a customerId',
    path: ['customer'],
    ...ours('required'),
  })
  .refine(oneCustomer, notTwoCustomers);

export const updateOrderInput = z
  .strictObject({
    ...orderFields,
    items: orderFields.items.optional(),
    /** The carrier's number of the parcel: set once the order is fulfilled. */
    trackingNumber: optionalText(128),
  })
  .refine(oneCustomer, notTwoCustomers);

export const transitionInput = z.strictObject({
  restock: z.boolean().optional(),
  note: optionalText(2000),
});

export const customStatusInput = z.strictObject({ customStatus: text(64).min(1).nullable() });

const day = z.iso.date({ error: 'must be a date such as 2026-11-27' });

/** Several states in one text, comma-separated as a query string carries them: `finalized,fulfilled`. */
export const joinStates = (states: readonly string[]) => states.join(',');

/**
 * A state, or several (`finalized,fulfilled,successful`, the sales the home page counts): the
 * orders in any of them. Refused whole, at the field, when one of them is no state.
 */
const stateFilter = z.string().transform((text, ctx): OrderState[] => {
  const states = [...new Set(text.split(',').map((state) => state.trim()))];
  if (states.every((state): state is OrderState => (ORDER_STATES as readonly string[]).includes(state))) return states;
  ctx.addIssue({
    code: 'custom',
    message: `must be one or more of ${ORDER_STATES.join(', ')}, comma-separated`,
    ...ours('notOneOf', { allowed: ORDER_STATES }),
  });
  return z.NEVER;
});

/** What the orders list filters by: the list, "select all matching" and the export take the same. */
const orderFilterFields = {
  state: stateFilter.optional(),
  from: day.optional(),
  to: day.optional(),
  customStatus: text(64).optional(),
  source: text(64).optional(),
  /** A webshop connection's documentId: its orders only. */
  connection: text(64).optional(),
  /** A customer's documentId: their orders only (the customer's datasheet). */
  customer: text(64).optional(),
  /** Searches number, the shop’s number, customer name, e-mail, phone, company, tax number and SKU, ignoring accents and case. */
  q: text(200).optional(),
};

// A range that ends before it starts finds nothing: refused, at the field, rather than an empty list.
const fromBeforeTo = (query: { from?: string; to?: string }) => !query.from || !query.to || query.from <= query.to;
const toBeforeFrom = { path: ['to'], message: 'must not be before the from date', ...ours('toBeforeFrom') };

export const orderListQuery = z
  .object({ ...orderFilterFields, sort: z.enum(ORDER_SORTS).default('createdAt:desc'), ...pageQuery })
  .refine(fromBeforeTo, toBeforeFrom);

/** The most orders one bulk action moves: each is a transaction of its own, and the answer lists every one. */
export const MAX_BULK_ORDERS = 1000;

/** What a bulk action does to each order: a lifecycle button, or setting the custom status. */
export const BULK_ACTIONS = [...ORDER_ACTIONS, 'customStatus'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** "Select all matching": every order the list's filters find, not only the page shown. */
const allMatching = z.strictObject({
  all: z.literal(true),
  filters: z
    .strictObject({ ...orderFilterFields, sort: z.enum(ORDER_SORTS).optional() })
    .refine(fromBeforeTo, toBeforeFrom)
    .optional(),
});

const orderIds = z.array(documentId).min(1).max(MAX_BULK_ORDERS);

/**
 * The orders a bulk action is about: their documentIds, or all the filters find. A list is read
 * as the one, an object as the other, each naming its own fields at fault — a zod union would
 * answer only "invalid input" for both —; anything else is one wrong type.
 */
const bulkSelection = z.unknown().transform((value, ctx): z.output<typeof orderIds> | z.output<typeof allMatching> => {
  const result = Array.isArray(value)
    ? orderIds.safeParse(value)
    : typeof value === 'object' && value !== null
      ? allMatching.safeParse(value)
      : undefined;
  if (result?.success) return result.data;
  const issues = result?.error.issues ?? [
    {
      code: 'custom' as const,
      path: [],
      message: 'must be a list of order documentIds, or {all: true, filters}',
      ...ours('wrongType', { expected: 'array' }),
    },
  ];
  for (const issue of issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

export const bulkOrdersInput = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    orders: bulkSelection,
    /** customStatus only: the key to set, or null to clear it. */
    customStatus: text(64).min(1).nullable().optional(),
    /** fail only: false writes the goods off instead of returning them to stock. */
    restock: z.boolean().optional(),
    note: optionalText(2000),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'customStatus' && input.customStatus === undefined)
      ctx.addIssue({ code: 'custom', path: ['customStatus'], message: 'is required: the key to set, or null', ...ours('required') });
    if (input.action !== 'customStatus' && input.customStatus !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['customStatus'],
        message: 'applies to the customStatus action only',
        ...ours('unknownField', { fields: ['customStatus'] }),
      });
    if (input.action !== 'fail' && input.restock !== undefined)
      ctx.addIssue({ code: 'custom', path: ['restock'], message: 'applies to fail only', ...ours('failOnly') });
  });

/** The export's rows: one per order, or one per line of every order. */
export const EXPORT_ROWS = ['orders', 'lines'] as const;
export type ExportRows = (typeof EXPORT_ROWS)[number];

/** The most orders `ids=` names: a selection of the list (a query string stays far below the servers' limits). */
export const MAX_EXPORT_IDS = 200;

const exportFields = {
  ...orderFilterFields,
  sort: z.enum(ORDER_SORTS).default('createdAt:desc'),
  rows: z.enum(EXPORT_ROWS).default('orders'),
  /** A selection: these orders only (comma-separated documentIds), the filters still applying. */
  ids: z
    .string()
    .transform((ids) =>
      ids
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    )
    .pipe(z.array(documentId).min(1).max(MAX_EXPORT_IDS))
    .optional(),
};

/** The orders the list's filters find, as CSV for Excel. */
export const orderCsvQuery = z.object({ ...exportFields, ...csvQuery }).refine(fromBeforeTo, toBeforeFrom);
/** The same, as an Excel workbook: numbers and dates as cells of their kind. */
export const orderXlsxQuery = z.object({ ...exportFields, language: csvQuery.language }).refine(fromBeforeTo, toBeforeFrom);

export type LineInput = z.infer<typeof lineInput>;
export type CreateOrderInput = z.infer<typeof createOrderInput>;
export type UpdateOrderInput = z.infer<typeof updateOrderInput>;
export type TransitionInput = z.infer<typeof transitionInput>;
export type OrderListQuery = z.infer<typeof orderListQuery>;
export type BulkOrdersInput = z.infer<typeof bulkOrdersInput>;
export type OrderCsvQuery = z.infer<typeof orderCsvQuery>;
export type OrderXlsxQuery = z.infer<typeof orderXlsxQuery>;

/**
 * What the admin should look at on a webshop's order: stock went below zero for it, a line's SKU
 * is not in the inventory, the shop's total is not the sum of its lines, or the shop's status is
 * not in the connection's status map.
 */
export const ORDER_FLAGS = ['oversold', 'unknownSku', 'totalMismatch', 'unmappedStatus'] as const;
export type OrderFlag = (typeof ORDER_FLAGS)[number];

/** The webshop connection an order came from; `deleted` once the connection is gone. */
export interface OrderConnectionJson {
  documentId: string;
  name: string;
  kind: string;
  deleted: boolean;
}

/** Net, VAT and gross, as decimal strings in the order's currency. */
export interface AmountsJson {
  net: string;
  vat: string;
  gross: string;
}

/** One entry of the order's history: what happened, when, by whom, from which state to which. */
export interface HistoryEntry {
  at: string;
  actor: Actor;
  /** A lifecycle action, or "create", "update", "custom-status". */
  action: string;
  from: string | null;
  to: string | null;
  note?: string | null;
  /** Fail only: whether the goods went back into stock. */
  restock?: boolean;
  /** A webshop's change: the shop's status as it sent it. */
  externalStatus?: string;
  /** A webshop's change: what the admin should look at after it. */
  flags?: OrderFlag[];
  /** An update: the order's details it changed, each from → to (lines are not listed). */
  changes?: DetailChange[];
}

/**
 * One detail an update changed: `customer.phone`, `billingAddress`, `trackingNumber`… An address
 * changes as a whole, from one address to another.
 */
export interface DetailChange {
  field: string;
  from: string | AddressJson | null;
  to: string | AddressJson | null;
}

export interface OrderItemJson extends AmountsJson {
  documentId: string;
  position: number;
  /** The stock item's documentId; null for a free line. */
  stockItem: string | null;
  sku: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  /** One of VAT_RATES; a webshop's line has the shop's percentage ("20", "5.5"). */
  vatRate: LineVatRate;
  note: string | null;
  /** product, shipping, fee or coupon. */
  kind: string;
}

export interface OrderJson {
  documentId: string;
  number: string;
  source: string;
  state: OrderState;
  allowedActions: OrderAction[];
  customStatus: string | null;
  currency: string;
  note: string | null;
  /** What its documents are written in; null: Hungarian. */
  language: DocumentLanguage | null;
  customer: CustomerJson | null;
  /** The order's own addresses, as ordered: a later change of the customer's leaves them be. */
  billingAddress: AddressJson | null;
  shippingAddress: AddressJson | null;
  /** Free texts: a suggestion's words ("Átutalás"), or what a webshop calls it. */
  paymentMethod: string | null;
  shippingMethod: string | null;
  /** The carrier's parcel number, once fulfilled. */
  trackingNumber: string | null;
  items: OrderItemJson[];
  totals: AmountsJson & { byVatRate: Array<AmountsJson & { vatRate: LineVatRate }> };
  history: HistoryEntry[];
  /** Its invoices and stornos, oldest first. */
  invoices: OrderInvoiceJson[];
  /** A webshop's order: where it came from and what the shop calls it; null and [] on a manual order. */
  connection: OrderConnectionJson | null;
  externalId: string | null;
  externalNumber: string | null;
  externalStatus: string | null;
  /** The order in the shop's own admin, where we know its address (WooCommerce, Shoprenter). */
  externalUrl: string | null;
  flags: OrderFlag[];
  createdAt: string;
  updatedAt: string;
}

/** One row of the orders list: what the list shows, without lines and history. */
export interface OrderSummaryJson {
  documentId: string;
  number: string;
  source: string;
  state: OrderState;
  customStatus: string | null;
  currency: string;
  customer: { documentId: string; name: string } | null;
  totals: AmountsJson;
  lineCount: number;
  connection: OrderConnectionJson | null;
  externalNumber: string | null;
  flags: OrderFlag[];
  createdAt: string;
  updatedAt: string;
}

/** What finalizing would take from stock, per stock item: on hand now and after, and the shortfall. */
export interface StockImpactLine {
  stockItem: string;
  sku: string;
  name: string;
  unit: string;
  requested: string;
  onHand: string;
  after: string;
  shortfall: string;
}

/** Every answer that changes an order is the whole order as it is now. */
type OrderAnswer = Answer<OrderJson>;

export declare namespace ListOrders {
  type Query = z.input<typeof orderListQuery>;
  type Response = ListAnswer<OrderSummaryJson>;
}

export declare namespace GetOrder {
  type Response = OrderAnswer;
}

export declare namespace CreateOrder {
  type Request = z.input<typeof createOrderInput>;
  type Response = OrderAnswer;
}

export declare namespace UpdateOrder {
  type Request = z.input<typeof updateOrderInput>;
  type Response = OrderAnswer;
}

export declare namespace DeleteOrder {
  type Response = Answer<{ documentId: string }>;
}

export declare namespace TransitionOrder {
  type Request = z.input<typeof transitionInput>;
  type Response = OrderAnswer;
}

export declare namespace SetCustomStatus {
  type Request = z.input<typeof customStatusInput>;
  type Response = OrderAnswer;
}

/**
 * One order's outcome in a bulk action: done, or refused with what the order alone would have
 * been answered — its status, code, English message and the values the admin words it with.
 */
export interface BulkOrderResult {
  documentId: string;
  /** null: no such order. */
  number: string | null;
  outcome: 'done' | 'refused';
  error?: { status: number; code?: string; message: string; details?: ErrorJson['details'] };
}

export declare namespace BulkOrders {
  type Request = z.input<typeof bulkOrdersInput>;
  type Response = Answer<BulkOrderResult[]>;
}

export declare namespace ExportOrders {
  type CsvQuery = z.input<typeof orderCsvQuery>;
  type XlsxQuery = z.input<typeof orderXlsxQuery>;
}

export declare namespace GetStockImpact {
  type Response = Answer<StockImpactLine[]>;
}
