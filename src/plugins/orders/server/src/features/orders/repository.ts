/**
 * The orders' queries: an order with its lines and customer, the lock of lock-then-write, the
 * lines' batched replacement, and the orders list as a deferred join.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { AddressJson } from '../../../../shared/contracts/customers';
import type { DocumentLanguage } from '../../../../shared/contracts/documents';
import type { OrderListQuery, OrderSort } from '../../../../shared/contracts/orders';
import type { Page } from '../../../../shared/contracts/pages';
import { endOfDay, startOfDay } from '../../../../shared/domain/calendar';
import { recordSearchKey, searchKey } from '../../../../shared/domain/search-key';
import { nameSortKey } from '../../../../shared/domain/sort-key';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import type { LineVatRate } from '../../../../shared/domain/totals';
import {
  attributesOf,
  columnOf,
  compiled,
  insertRows,
  isPostgres,
  joinTableOf,
  setColumnOfEach,
  updateColumns,
  readIn,
  type StoredDate,
  type StoredInteger,
  type Transaction,
} from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID, type PluginUid } from '../../core/uids';
import type { OrderFlag } from '../../../../shared/contracts/orders';
import type { CustomerRow } from '../customers/repository';
import type { Connection as ConnectionRef } from '../integrations/connection';
import type { Knex } from 'knex';

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
  /** The order's own addresses, as ordered (not the customer's). */
  billingAddress: AddressJson | null;
  shippingAddress: AddressJson | null;
  paymentMethod: string | null;
  shippingMethod: string | null;
  trackingNumber: string | null;
  netTotalMinor: StoredInteger;
  vatTotalMinor: StoredInteger;
  grossTotalMinor: StoredInteger;
  lineCount: number;
  customerName: string | null;
  /** The customer's name as the list sorts it (shared/domain/sort-key.ts): written with customerName, by customerNameOf. */
  customerSortKey: string | null;
  /** A webshop's order: `${connection id}:${the shop's id}`, unique; null for a manual order. */
  externalKey: string | null;
  externalId: string | null;
  externalNumber: string | null;
  externalStatus: string | null;
  externalModifiedAt: StoredDate | null;
  flags: OrderFlag[] | null;
  /** What the list's search finds it by (searchKeyOf): written with what it is made of. */
  searchKey?: string | null;
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
export type OrderSummaryRow = Omit<OrderRow, 'items' | 'customer' | 'note' | 'customerName' | 'customerSortKey'> & {
  customer: Pick<CustomerRow, 'documentId' | 'name'> | null;
};

/** The customer's name an order keeps for its list, and the key the list sorts it by: always written together. */
export const customerNameOf = (name: string): Pick<OrderFields, 'customerName' | 'customerSortKey'> => ({
  customerName: name,
  customerSortKey: nameSortKey(name),
});

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
  // The name's sort key: the Hungarian alphabet on both databases, not their collations.
  'customer:asc': [{ customerSortKey: 'asc' }, { id: 'desc' }],
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

export type OrderFilters = Omit<OrderListQuery, 'sort' | keyof Page> & {
  /** A selection: these orders only (the export's `ids=`). */
  documentIds?: string[];
};

/** An order as a bulk action names it in its answer. */
export type SelectedOrder = Pick<OrderRow, 'id' | 'documentId' | 'number'>;

/** An order as the export writes it: its fields, its customer's contact data, its shop, and its lines when asked. */
export type OrderExportRow = Omit<OrderRow, 'items'> & { items?: OrderItemRow[] };

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
  const orderRow = (attribute: 'documentId' | 'externalKey', lock: boolean) =>
    compiled<'value'>(strapi, (knex, slot) => {
      const query = knex(`${table(UID.order)} as o`)
        .leftJoin(`${customerLink.name} as ol`, `ol.${customerLink.joinColumn.name}`, 'o.id')
        .leftJoin(`${table(UID.customer)} as c`, 'c.id', `ol.${customerLink.inverseJoinColumn.name}`)
        .leftJoin(`${connectionLink.name} as nl`, `nl.${connectionLink.joinColumn.name}`, 'o.id')
        .leftJoin(`${table(UID.connection)} as n`, 'n.id', `nl.${connectionLink.inverseJoinColumn.name}`)
        .where(`o.${columnOf(strapi, UID.order, attribute)}`, slot('value'))
        .first(['o.*', ...columnsAs(UID.customer, 'c', scalars(UID.customer)), ...columnsAs(UID.connection, 'n', CONNECTION_FIELDS)]);
      // Only the order's row: the joined ones may be missing, and are not the lock's business.
      if (lock && isPostgres(strapi)) query.forUpdate('o');
      return query;
    });
  const orderRows = {
    documentId: { read: orderRow('documentId', false), lock: orderRow('documentId', true) },
    externalKey: { read: orderRow('externalKey', false), lock: orderRow('externalKey', true) },
  };

  /** The order's lines in their place in the order, each with the id and documentId of its stock item. */
  const linesOf = compiled<'orderId'>(strapi, (knex, slot) =>
    knex(`${table(UID.orderItem)} as i`)
      .join(`${orderLink.name} as l`, `l.${orderLink.joinColumn.name}`, 'i.id')
      .leftJoin(`${stockLink.name} as s`, `s.${stockLink.joinColumn.name}`, 'i.id')
      .leftJoin(`${table(UID.stockItem)} as si`, 'si.id', `s.${stockLink.inverseJoinColumn.name}`)
      .where(`l.${orderLink.inverseJoinColumn.name}`, slot('orderId'))
      .orderBy([`l.${orderLink.inverseOrderColumnName}`, 'i.id'])
      .select('i.*', { stock__id: 'si.id', stock__document_id: `si.${columnOf(strapi, UID.stockItem, 'documentId')}` })
  );
  const lines = async (db: Knex, orderId: number) =>
    (await linesOf(db, { orderId })).map((row) => ({
      ...attributesOf(strapi, UID.orderItem, row),
      stockItem: row.stock__id === null ? null : { id: Number(row.stock__id), documentId: String(row.stock__document_id) },
    }));

  /** `lock`: the order's row stays locked for the rest of the transaction (SQLite lets one writer at a time already). */
  const read = async (db: Knex, attribute: 'documentId' | 'externalKey', value: string, lock = false): Promise<OrderRow | null> => {
    const [row] = await orderRows[attribute][lock ? 'lock' : 'read'](db, { value });
    if (!row) return null;
    const order = attributesOf(strapi, UID.order, row) as unknown as OrderRow;
    return {
      ...order,
      customer: row.c__id === null ? null : (attributesOf(strapi, UID.customer, row, 'c__') as unknown as CustomerRow),
      connection: row.n__id === null ? null : (attributesOf(strapi, UID.connection, row, 'n__') as unknown as OrderRow['connection']),
      items: (await lines(db, order.id)) as OrderItemRow[],
    };
  };

  return {
    find: (attribute: 'documentId' | 'externalKey', value: string) => readIn(strapi, (db) => read(db, attribute, value)),
    /** Lock, then read, in one query: concurrent changes of one order wait for each other instead of racing. */
    lock: (trx: Transaction, documentId: string) => read(trx, 'documentId', documentId, true),
  };
};

type SearchedCustomer = Record<'name' | 'email' | 'phone' | 'company' | 'taxNumber', string | null>;

/** What the orders list finds an order by, in one key: its numbers, its customer's details and its lines' SKUs. */
const orderSearchKey = ({
  number,
  externalNumber,
  customer,
  skus,
}: {
  number: string | null;
  externalNumber: string | null;
  customer: SearchedCustomer | null;
  skus: string[];
}) =>
  recordSearchKey({
    texts: [number, externalNumber, customer?.name ?? null, customer?.email ?? null, customer?.company ?? null, ...skus],
    numbers: [customer?.phone ?? null, customer?.taxNumber ?? null],
  });

/** An order's search key from the order as read, with its customer and lines. */
export const searchKeyOf = (order: Pick<OrderRow, 'number' | 'externalNumber' | 'customer' | 'items'>) =>
  orderSearchKey({
    number: order.number,
    externalNumber: order.externalNumber,
    customer: order.customer,
    skus: order.items.flatMap((item) => (item.sku === null ? [] : [item.sku])),
  });

/**
 * The search keys of orders, made from what is stored — the order's number and the shop's, its
 * customer's name, e-mail, phone, company and tax number, its lines' SKUs — in three statements
 * for any number of orders. Every change of one of those calls it in its own transaction, so an
 * order's key never lags behind what the list shows of it.
 */
const searchKeyWriter = (strapi: Core.Strapi) => {
  const table = (uid: PluginUid) => strapi.db.metadata.get(uid).tableName;
  const column = (uid: PluginUid, attribute: string) => columnOf(strapi, uid, attribute);
  const customerLink = joinTableOf(strapi, UID.order, 'customer');
  const orderLink = joinTableOf(strapi, UID.orderItem, 'order');

  const keysOf = async (trx: Knex, ids: number[]): Promise<Map<number, string>> => {
    const customer = (attribute: string) => `c.${column(UID.customer, attribute)}`;
    const [orders, lines]: Array<Array<Record<string, string | number | null>>> = await Promise.all([
      trx(`${table(UID.order)} as o`)
        .leftJoin(`${customerLink.name} as ol`, `ol.${customerLink.joinColumn.name}`, 'o.id')
        .leftJoin(`${table(UID.customer)} as c`, 'c.id', `ol.${customerLink.inverseJoinColumn.name}`)
        .whereIn('o.id', ids)
        .select({
          id: 'o.id',
          number: `o.${column(UID.order, 'number')}`,
          externalNumber: `o.${column(UID.order, 'externalNumber')}`,
          name: customer('name'),
          email: customer('email'),
          phone: customer('phone'),
          company: customer('company'),
          taxNumber: customer('taxNumber'),
        }),
      trx(`${table(UID.orderItem)} as i`)
        .join(`${orderLink.name} as l`, `l.${orderLink.joinColumn.name}`, 'i.id')
        .whereIn(`l.${orderLink.inverseJoinColumn.name}`, ids)
        .whereNotNull(`i.${column(UID.orderItem, 'sku')}`)
        .select({ orderId: `l.${orderLink.inverseJoinColumn.name}`, sku: `i.${column(UID.orderItem, 'sku')}` }),
    ]);
    const skus = new Map<number, string[]>();
    for (const { orderId, sku } of lines) skus.set(Number(orderId), [...(skus.get(Number(orderId)) ?? []), String(sku)]);
    const text = (value: string | number | null) => (value === null ? null : String(value));
    return new Map(
      orders.map((order) => [
        Number(order.id),
        orderSearchKey({
          number: text(order.number),
          externalNumber: text(order.externalNumber),
          customer: {
            name: text(order.name),
            email: text(order.email),
            phone: text(order.phone),
            company: text(order.company),
            taxNumber: text(order.taxNumber),
          },
          skus: skus.get(Number(order.id)) ?? [],
        }),
      ])
    );
  };

  return {
    /** Writes the search keys of these orders from what they and their customers and lines hold now. */
    async refresh(trx: Knex, ids: number[]) {
      for (let i = 0; i < ids.length; i += 500) {
        const batch = ids.slice(i, i + 500);
        await setColumnOfEach(trx, table(UID.order), column(UID.order, 'searchKey'), await keysOf(trx, batch));
      }
    },

    /** The orders of a customer, whose details their keys hold. */
    ofCustomer: async (trx: Knex, customerId: number): Promise<number[]> =>
      (
        await trx(customerLink.name).where(customerLink.inverseJoinColumn.name, customerId).select({ id: customerLink.joinColumn.name })
      ).map((row: { id: number }) => Number(row.id)),

    /** Up to `limit` orders that have no key yet: those from before the key, or written around the engine. */
    withoutKey: async (trx: Knex, limit: number): Promise<number[]> =>
      (await trx(table(UID.order)).whereNull(column(UID.order, 'searchKey')).orderBy('id').limit(limit).select('id')).map(
        (row: { id: number }) => Number(row.id)
      ),
  };
};

export const ordersRepository = (strapi: Core.Strapi) => {
  const orders = () => strapi.db.query(UID.order);
  const reader = orderReader(strapi);
  const searchKeys = searchKeyWriter(strapi);

  const whereOf = (
    { state, customStatus, source, connection, customer, q, from, to, documentIds }: OrderFilters,
    timeZone: string
  ): Where => {
    const where: Where = {};
    if (documentIds) where.documentId = { $in: documentIds };
    if (state) where.state = { $in: state };
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
    const key = q ? searchKey(q) : '';
    // One column holds all that the search finds an order by (refreshSearchKeys below): no join
    // with lines or customers, and on PostgreSQL one trigram index serves it (indexes.ts).
    if (key) where.searchKey = { $contains: key };
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

    /**
     * A new order with its customer and connection, placed last among theirs, as create would; not
     * read back. `firstOfCustomer`: the customer was made for this order, which takes the first
     * place in its list without reading the others' places (there are none).
     */
    async create(
      { customer, connection, ...fields }: OrderData,
      { firstOfCustomer = false }: { firstOfCustomer?: boolean } = {}
    ): Promise<Pick<OrderRow, 'id' | 'documentId' | 'createdAt'>> {
      const documentId = createId();
      const createdAt = new Date();
      const row = { values: { ...fields, documentId, createdAt }, links: { customer, connection } };
      const after = firstOfCustomer ? ['connection'] : ['customer', 'connection'];
      const [id] = (await strapi.db.transaction(({ trx }) => insertRows(strapi, trx, UID.order, [row], { after }))) as number[];
      return { id, documentId, createdAt: createdAt.toISOString() };
    },

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

    /** Writes the orders' search keys from what they hold now: after any change of their number, customer or lines. */
    refreshSearchKeys: (trx: Transaction, ids: number[]) => searchKeys.refresh(trx, ids),

    /** Writes the search keys of the customer's orders: after a change of the customer's details, or a merge. */
    refreshSearchKeysOfCustomer: async (trx: Transaction, customerId: number) =>
      searchKeys.refresh(trx, await searchKeys.ofCustomer(trx, customerId)),

    /**
     * Gives keys to orders that have none, a batch per transaction, until none is left; answers
     * how many. Idempotent, and cheap when there is nothing to do: at every start, it keys the
     * orders of a database from before the search key.
     */
    async fillSearchKeys(): Promise<number> {
      let filled = 0;
      for (;;) {
        const done: number = await strapi.db.transaction(async ({ trx }) => {
          const ids = await searchKeys.withoutKey(trx, 500);
          await searchKeys.refresh(trx, ids);
          return ids.length;
        });
        if (!done) return filled;
        filled += done;
      }
    },

    /** How many orders the filters find. */
    count: (filters: OrderFilters, timeZone: string): Promise<number> => orders().count({ where: whereOf(filters, timeZone) }),

    /** Every order the filters find, in the sort's order, as ids: what a bulk action or an export walks through. */
    matching: async (filters: OrderFilters, sort: OrderSort, timeZone: string): Promise<SelectedOrder[]> =>
      orders().findMany({ where: whereOf(filters, timeZone), orderBy: ORDER_BY[sort], select: ['id', 'documentId', 'number'] }),

    /** The orders of these documentIds that exist. */
    refsOf: (documentIds: string[]): Promise<SelectedOrder[]> =>
      orders().findMany({ where: { documentId: { $in: documentIds } }, select: ['id', 'documentId', 'number'] }),

    /**
     * These orders (at most a few hundred at a time) as the export writes them, in the order of
     * `ids`: a few queries for the batch, not a few per order. `withLines`: their lines too, in
     * their place in the order.
     */
    async exportBatch(ids: number[], withLines: boolean): Promise<OrderExportRow[]> {
      const rows: OrderExportRow[] = await orders().findMany({
        where: { id: { $in: ids } },
        populate: {
          customer: true,
          connection: { select: [...CONNECTION_FIELDS] },
          ...(withLines ? { items: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } : {}),
        },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** One page of the orders the filters find, in the sort's order, and how many they find in all. */
    async list(filters: OrderFilters, sort: OrderSort, page: Page, timeZone: string): Promise<[OrderSummaryRow[], number]> {
      const where = whereOf(filters, timeZone);
      return Promise.all([pageOf(where, sort, page), orders().count({ where })]);
    },
  };
};
