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
  attributesOf,
  columnOf,
  insertRows,
  isPostgres,
  joinTableOf,
  updateColumns,
  type StoredDate,
  type StoredInteger,
  type Transaction,
} from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID, type PluginUid } from '../../core/uids';
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

/** What an order shows of its connection. */
const CONNECTION_FIELDS = ['id', 'documentId', 'name', 'kind', 'shopUrl', 'deletedAt'] as const;

/**
 * The order whose `attribute` is `value`, with its customer, connection and lines, in two
 * queries on the caller's transaction (or a short one of its own, so that SQLite's one
 * connection is never asked twice at once). findOne with populate took five queries and most
 * of its millisecond and a half in the query engine, on every change and every answer.
 */
const orderReader = (strapi: Core.Strapi) => {
  const table = (uid: PluginUid) => strapi.db.metadata.get(uid).tableName;
  const customerLink = joinTableOf(strapi, UID.order, 'customer');
  const connectionLink = joinTableOf(strapi, UID.order, 'connection');
  const orderLink = joinTableOf(strapi, UID.orderItem, 'order');
  const stockLink = joinTableOf(strapi, UID.orderItem, 'stockItem');

  /** The columns of `uid`'s table under `alias`, each renamed `${alias}__${column}`: a joined row's own. */
  const columnsAs = (uid: PluginUid, alias: string, attributes: readonly string[]) =>
    attributes.map((attribute) => {
      const column = columnOf(strapi, uid, attribute);
      return `${alias}.${column} as ${alias}__${column}`;
    });
  const scalars = (uid: PluginUid) =>
    Object.entries(strapi.db.metadata.get(uid).attributes)
      .filter(([, attribute]) => attribute.type !== 'relation')
      .map(([name]) => name);

  /** The order's row, and its customer's and connection's, joined through their link tables. */
  const orderRow = (trx: Transaction, attribute: 'documentId' | 'externalKey', value: string, lock: boolean) => {
    const query = trx(`${table(UID.order)} as o`)
      .leftJoin(`${customerLink.name} as ol`, `ol.${customerLink.joinColumn.name}`, 'o.id')
      .leftJoin(`${table(UID.customer)} as c`, 'c.id', `ol.${customerLink.inverseJoinColumn.name}`)
      .leftJoin(`${connectionLink.name} as nl`, `nl.${connectionLink.joinColumn.name}`, 'o.id')
      .leftJoin(`${table(UID.connection)} as n`, 'n.id', `nl.${connectionLink.inverseJoinColumn.name}`)
      .where(`o.${columnOf(strapi, UID.order, attribute)}`, value)
      .first(['o.*', ...columnsAs(UID.customer, 'c', scalars(UID.customer)), ...columnsAs(UID.connection, 'n', CONNECTION_FIELDS)]);
    // Only the order's row: the joined ones may be missing, and are not the lock's business.
    if (lock && isPostgres(strapi)) query.forUpdate('o');
    return query;
  };

  /** The order's lines in their place in the order, each with the id and documentId of its stock item. */
  const lines = async (trx: Transaction, orderId: number) => {
    const rows: Array<Record<string, unknown>> = await trx(`${table(UID.orderItem)} as i`)
      .join(`${orderLink.name} as l`, `l.${orderLink.joinColumn.name}`, 'i.id')
      .leftJoin(`${stockLink.name} as s`, `s.${stockLink.joinColumn.name}`, 'i.id')
      .leftJoin(`${table(UID.stockItem)} as si`, 'si.id', `s.${stockLink.inverseJoinColumn.name}`)
      .where(`l.${orderLink.inverseJoinColumn.name}`, orderId)
      .orderBy([`l.${orderLink.inverseOrderColumnName}`, 'i.id'])
      .select('i.*', { stock__id: 'si.id', stock__document_id: `si.${columnOf(strapi, UID.stockItem, 'documentId')}` });
    return rows.map((row) => ({
      ...attributesOf(strapi, UID.orderItem, row),
      stockItem: row.stock__id === null ? null : { id: Number(row.stock__id), documentId: String(row.stock__document_id) },
    }));
  };

  /** `lock`: the order's row stays locked for the rest of the transaction (SQLite lets one writer at a time already). */
  const read = async (trx: Transaction, attribute: 'documentId' | 'externalKey', value: string, lock = false): Promise<OrderRow | null> => {
    const row: Record<string, unknown> | undefined = await orderRow(trx, attribute, value, lock);
    if (!row) return null;
    const order = attributesOf(strapi, UID.order, row) as unknown as OrderRow;
    return {
      ...order,
      customer: row.c__id === null ? null : (attributesOf(strapi, UID.customer, row, 'c__') as unknown as CustomerRow),
      connection: row.n__id === null ? null : (attributesOf(strapi, UID.connection, row, 'n__') as unknown as OrderRow['connection']),
      items: (await lines(trx, order.id)) as OrderItemRow[],
    };
  };

  return {
    // Strapi types the answer of transaction() as the callback's promise itself, hence the cast.
    find: async (attribute: 'documentId' | 'externalKey', value: string) =>
      (await strapi.db.transaction(({ trx }) => read(trx, attribute, value))) as OrderRow | null,
    /** Lock, then read, in one query: concurrent changes of one order wait for each other instead of racing. */
    lock: (trx: Transaction, documentId: string) => read(trx, 'documentId', documentId, true),
  };
};

export const ordersRepository = (strapi: Core.Strapi) => {
  const orders = () => strapi.db.query(UID.order);
  const reader = orderReader(strapi);

  /**
   * The free-text search's condition, ignoring case on both databases: SQLite's LIKE already
   * ignores ASCII case, the only case its LOWER() folds, so there LOWER() would only double the
   * cost of reading every order; PostgreSQL's LIKE does not, and its trigram indexes are on LOWER().
   */
  const containing = (text: string) => (isPostgres(strapi) ? { $containsi: text } : { $contains: text });

  const whereOf = async (
    { state, customStatus, source, connection, customer, q, from, to }: OrderFilters,
    timeZone: string
  ): Promise<Where> => {
    const where: Where = {};
    if (state) where.state = state;
    if (connection) where.connection = { documentId: connection };
    if (customer) where.customer = { documentId: customer };
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
    find: (documentId: string) => reader.find('documentId', documentId),

    /** Which of these external keys orders have already. */
    existingKeys: async (externalKeys: string[]): Promise<Set<string>> => {
      const rows: Array<{ externalKey: string }> = externalKeys.length
        ? await orders().findMany({ where: { externalKey: { $in: externalKeys } }, select: ['externalKey'] })
        : [];
      return new Set(rows.map((row) => row.externalKey));
    },

    /** A webshop's order by its connection and the shop's id. */
    findByExternalKey: (externalKey: string) => reader.find('externalKey', externalKey),

    /** The order, its row locked for the rest of the transaction; null when there is none. */
    lock: reader.lock,

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
