/**
 * The orders' queries: an order with its lines and customer, the lock of lock-then-write, the
 * lines' batched replacement, and the orders list as a deferred join.
 */
import type { Core } from '@strapi/strapi';
import type { DocumentLanguage } from '../../../../shared/contracts/documents';
import type { OrderListQuery, OrderSort } from '../../../../shared/contracts/orders';
import type { Page } from '../../../../shared/contracts/pages';
import { endOfDay, startOfDay } from '../../../../shared/domain/calendar';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import type { LineVatRate } from '../../../../shared/domain/totals';
import {
  insertRows,
  isPostgres,
  lockByDocumentId,
  updateColumns,
  type StoredDate,
  type StoredInteger,
  type Transaction,
} from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID } from '../../core/uids';
import type { OrderFlag } from '../../../../shared/contracts/orders';
import type { CustomerRow } from '../customers/repository';
import type { Connection as ConnectionRef } from '../integrations/connection';

/** A line as stored: quantity in thousandths, money in the currency's minor unit, discount in hundredths of a percent. */
export interface OrderItemRow {
  id: number;
  documentId: string;
  position: number;
  stockItem: { id: number; documentId: string } | null;
  sku: string | null;
  name: string;
  unit: string;
  quantityMilli: StoredInteger;
  unitPriceMinor: StoredInteger;
  discountBasisPoints: number;
  vatRate: LineVatRate;
  note: string | null;
  /** product, shipping, fee or coupon: a webshop sends all four as lines. */
  kind: string;
  /** The shop's id of the line. */
  externalId: string | null;
  /** The shop's own amounts, to the minor unit; null on a manual order's line. */
  shopNetMinor: StoredInteger | null;
  shopVatMinor: StoredInteger | null;
  shopGrossMinor: StoredInteger | null;
}

/** The order's own columns: its totals and customerName are caches written with its lines and customer. */
export interface OrderFields {
  number: string;
  source: string;
  state: OrderState;
  customStatus: string | null;
  currency: string;
  note: string | null;
  /** What its documents are written in ("hu", "en"); null: Hungarian. */
  language: DocumentLanguage | null;
  netTotalMinor: StoredInteger;
  vatTotalMinor: StoredInteger;
  grossTotalMinor: StoredInteger;
  lineCount: number;
  customerName: string | null;
  /** A webshop's order: `${connection id}:${the shop's id}`, unique; null for a manual order. */
  externalKey: string | null;
  externalId: string | null;
  externalNumber: string | null;
  externalStatus: string | null;
  externalModifiedAt: StoredDate | null;
  flags: OrderFlag[] | null;
}

export interface OrderRow extends OrderFields {
  id: number;
  documentId: string;
  connection: (Pick<ConnectionRef, 'id' | 'documentId' | 'name' | 'kind' | 'shopUrl'> & { deletedAt?: StoredDate | null }) | null;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  customer: CustomerRow | null;
  items: OrderItemRow[];
}

/** A row of the orders list: no lines, and of the customer only what the list shows. */
export type OrderSummaryRow = Omit<OrderRow, 'items' | 'customer' | 'note' | 'customerName'> & {
  customer: Pick<CustomerRow, 'documentId' | 'name'> | null;
};

/** What writing an order takes: its fields, and the customer it links to. */
export type OrderData = Partial<OrderFields> & { customer?: number; connection?: number };

/** A line to store, and the stock item it takes from. */
export type LineData = Omit<OrderItemRow, 'id' | 'documentId' | 'stockItem'> & { stockItem: number | null };

const POPULATED = {
  customer: true,
  connection: { select: ['id', 'documentId', 'name', 'kind', 'shopUrl', 'deletedAt'] },
  items: { populate: { stockItem: { select: ['id', 'documentId'] } } },
} as const;

/**
 * The list's sorts. Each ends with id, so that every order has one place in the list and pages
 * neither repeat nor skip one; each is served by an index over the same columns in the same
 * directions (content-types/order/schema.json, and indexes.ts for those mixing directions).
 */
const ORDER_BY: Record<OrderSort, Array<Record<string, 'asc' | 'desc'>>> = {
  'createdAt:desc': [{ createdAt: 'desc' }, { id: 'desc' }],
  'createdAt:asc': [{ createdAt: 'asc' }, { id: 'asc' }],
  'number:asc': [{ number: 'asc' }, { id: 'asc' }],
  'number:desc': [{ number: 'desc' }, { id: 'desc' }],
  'gross:asc': [{ grossTotalMinor: 'asc' }, { id: 'asc' }],
  'gross:desc': [{ grossTotalMinor: 'desc' }, { id: 'desc' }],
  'state:asc': [{ state: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
  'customer:asc': [{ customerName: 'asc' }, { id: 'desc' }],
};

/** What a row of the list shows: no lines, no history. */
const SUMMARY_FIELDS = [
  'id',
  'documentId',
  'number',
  'source',
  'state',
  'customStatus',
  'currency',
  'netTotalMinor',
  'vatTotalMinor',
  'grossTotalMinor',
  'lineCount',
  'externalNumber',
  'flags',
  'createdAt',
  'updatedAt',
];

export type OrderFilters = Omit<OrderListQuery, 'sort' | keyof Page>;

type Where = Record<string, unknown>;

export const ordersRepository = (strapi: Core.Strapi) => {
  const orders = () => strapi.db.query(UID.order);

  /**
   * The free-text search's condition, ignoring case on both databases: SQLite's LIKE already
   * ignores ASCII case, the only case its LOWER() folds, so there LOWER() would only double the
   * cost of reading every order; PostgreSQL's LIKE does not, and its trigram indexes are on LOWER().
   */
  const containing = (text: string) => (isPostgres(strapi) ? { $containsi: text } : { $contains: text });

  const whereOf = async ({ state, customStatus, source, connection, q, from, to }: OrderFilters, timeZone: string): Promise<Where> => {
    const where: Where = {};
    if (state) where.state = state;
    if (connection) where.connection = { documentId: connection };
    if (customStatus) where.customStatus = customStatus;
    if (source) where.source = source;
    if (from || to) {
      where.createdAt = {
        ...(from ? { $gte: startOfDay(from, timeZone) } : {}),
        ...(to ? { $lt: endOfDay(to, timeZone) } : {}),
      };
    }
    if (q) {
      // Orders with a matching SKU are found apart: joining every line to every order would
      // make the list and its count scan and de-duplicate all lines.
      const withSku: Array<{ order: { id: number } | null }> = await strapi.db.query(UID.orderItem).findMany({
        where: { sku: containing(q) },
        select: ['id'],
        populate: { order: { select: ['id'] } },
      });
      where.$or = [
        { number: containing(q) },
        { customerName: containing(q) },
        { id: { $in: [...new Set(withSku.flatMap((item) => (item.order ? [item.order.id] : [])))] } },
      ];
    }
    return where;
  };

  /**
   * One page as a deferred join: first only the ids of the page, which the database reads from
   * the index of the sort without touching the orders it skips (deep pages stay fast), then
   * those orders, put back in the ids' order.
   */
  const pageOf = async (where: Where, sort: OrderSort, page: Page): Promise<OrderSummaryRow[]> => {
    const ids: number[] = (
      await orders().findMany({ where, orderBy: ORDER_BY[sort], offset: offsetOf(page), limit: page.pageSize, select: ['id'] })
    ).map((row: { id: number }) => row.id);
    const rows: OrderSummaryRow[] = await orders().findMany({
      where: { id: { $in: ids } },
      select: SUMMARY_FIELDS,
      populate: { customer: { select: ['documentId', 'name'] }, connection: { select: ['documentId', 'name', 'kind', 'deletedAt'] } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // An order deleted between the two reads is left out rather than shown empty.
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  return {
    find: (documentId: string): Promise<OrderRow | null> => orders().findOne({ where: { documentId }, populate: POPULATED }),

    /** Which of these external keys orders have already. */
    existingKeys: async (externalKeys: string[]): Promise<Set<string>> => {
      const rows: Array<{ externalKey: string }> = externalKeys.length
        ? await orders().findMany({ where: { externalKey: { $in: externalKeys } }, select: ['externalKey'] })
        : [];
      return new Set(rows.map((row) => row.externalKey));
    },

    /** A webshop's order by its connection and the shop's id. */
    findByExternalKey: (externalKey: string): Promise<OrderRow | null> => orders().findOne({ where: { externalKey }, populate: POPULATED }),

    /** Locks the order's row for the rest of the transaction; its id, or null when there is none. */
    lock: (trx: Transaction, documentId: string) => lockByDocumentId(strapi, trx, UID.order, documentId),

    create: (data: OrderData): Promise<Pick<OrderRow, 'id' | 'documentId' | 'createdAt'>> =>
      orders().create({ data, select: ['id', 'documentId', 'createdAt'] }),

    /** Writes the order's fields and its customer. */
    update: (id: number, data: OrderData) => orders().update({ where: { id }, data, select: ['id'] }),

    /** Writes fields of the order (no relation) in one statement: what a transition or a custom status changes. */
    setFields: (trx: Transaction, id: number, fields: Partial<OrderFields>) => updateColumns(strapi, trx, UID.order, id, fields),

    remove: (id: number) => orders().delete({ where: { id } }),

    /** Replaces the order's lines with `lines`, in their order, in a few statements. */
    async replaceLines(trx: Transaction, order: Pick<OrderRow, 'id' | 'items'>, lines: LineData[]) {
      const ids = order.items.map((item) => item.id);
      if (ids.length) await strapi.db.query(UID.orderItem).deleteMany({ where: { id: { $in: ids } } });
      await insertRows(
        strapi,
        trx,
        UID.orderItem,
        lines.map(({ stockItem, ...values }) => ({ values, links: { order: order.id, stockItem } }))
      );
    },

    /** One page of the orders the filters find, in the sort's order, and how many they find in all. */
    async list(filters: OrderFilters, sort: OrderSort, page: Page, timeZone: string): Promise<[OrderSummaryRow[], number]> {
      const where = await whereOf(filters, timeZone);
      return Promise.all([pageOf(where, sort, page), orders().count({ where })]);
    },
  };
};
