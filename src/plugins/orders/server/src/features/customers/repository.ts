/** The customers' queries. */
import type { Core } from '@strapi/strapi';
import type { CustomerInput, CustomerJson, CustomerListQuery, CustomerSort } from '../../../../shared/contracts/customers';
import type { Page } from '../../../../shared/contracts/pages';
import { recordSearchKey, searchPattern } from '../../../../shared/domain/search-key';
import { nameSortKey } from '../../../../shared/domain/sort-key';
import type { Segment, Subscription, SubscriptionReason } from '../../../../shared/domain/segments';
import type { Knex } from 'knex';
import {
  columnOf,
  insertRows,
  isPostgres,
  joinTableOf,
  setColumnOfEach,
  type StoredDate,
  type StoredInteger,
  type Transaction,
} from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID } from '../../core/uids';
import { customerNameOf } from '../orders/repository';

/** A customer as stored: what the API shows, and the id that links it. */
export interface CustomerRow extends CustomerJson {
  id: number;
}

/** What a shop last said of a customer's newsletter: subscribed or not, why where it said, and when. */
export interface SubscriptionState {
  subscription: Subscription | null;
  subscriptionReason: SubscriptionReason | null;
  subscriptionAt: StoredDate | null;
}

/** A customer as the customers list and datasheet read it: contact data, stats and segment. */
export interface CustomerStatsRow extends CustomerRow {
  shippingAddress: CustomerJson['address'];
  connection: { id: number; documentId: string; name: string } | null;
  segment: Segment | null;
  subscription: Subscription | null;
  subscriptionReason: SubscriptionReason | null;
  subscriptionAt: StoredDate | null;
  ordersCount: number;
  successfulCount: number;
  totalSpentMinor: StoredInteger;
  lastOrderAt: StoredDate | null;
  segmentChangedAt: StoredDate | null;
  createdAt: StoredDate;
}

const STATS_FIELDS = [
  'id',
  'documentId',
  'name',
  'email',
  'phone',
  'company',
  'taxNumber',
  'address',
  'shippingAddress',
  'segment',
  'subscription',
  'subscriptionReason',
  'subscriptionAt',
  'ordersCount',
  'successfulCount',
  'totalSpentMinor',
  'lastOrderAt',
  'segmentChangedAt',
  'createdAt',
];

const STATS_POPULATE = { connection: { select: ['id', 'documentId', 'name'] } } as const;

/**
 * The list's sorts, each ending with id so that every customer has one place in the list. Those
 * with a last order put customers without one last when newest first (PostgreSQL would put them
 * first): where one has no order, its NULL sorts as SQLite sorts it, on both databases.
 */
const ORDER_BY: Record<CustomerSort, Array<[attribute: string, direction: 'asc' | 'desc']>> = {
  'createdAt:desc': [
    ['createdAt', 'desc'],
    ['id', 'desc'],
  ],
  // By the name's sort key: the Hungarian alphabet on both databases (shared/domain/sort-key.ts).
  'name:asc': [
    ['nameSortKey', 'asc'],
    ['id', 'asc'],
  ],
  'name:desc': [
    ['nameSortKey', 'desc'],
    ['id', 'desc'],
  ],
  'lastOrderAt:desc': [
    ['lastOrderAt', 'desc'],
    ['id', 'desc'],
  ],
  'lastOrderAt:asc': [
    ['lastOrderAt', 'asc'],
    ['id', 'asc'],
  ],
  'totalSpent:desc': [
    ['totalSpentMinor', 'desc'],
    ['id', 'desc'],
  ],
  'totalSpent:asc': [
    ['totalSpentMinor', 'asc'],
    ['id', 'asc'],
  ],
  'ordersCount:desc': [
    ['ordersCount', 'desc'],
    ['id', 'desc'],
  ],
  'ordersCount:asc': [
    ['ordersCount', 'asc'],
    ['id', 'asc'],
  ],
};

export type CustomerFilters = Omit<CustomerListQuery, 'sort' | keyof Page>;

/** A segment change as stored. */
export interface SegmentChangeRow {
  at: StoredDate;
  fromSegment: Segment | null;
  toSegment: Segment;
}

/** What an order keeps of its customer: the link and the name its list shows and sorts by. */
export type CustomerRef = Pick<CustomerRow, 'id' | 'name'>;

const REF = ['id', 'name'];

/**
 * The e-mail as customers are found by it: trimmed and lowercased, kept beside the e-mail in an
 * indexed column, so that a webshop's 10 000th order finds its customer without reading the others.
 */
export const emailKeyOf = (email: string | null | undefined) => email?.trim().toLowerCase() || null;

/** What the customers list's search compares (shared/domain/search-key.ts): name, e-mail, phone, company, tax number. */
export const customerSearchKey = (details: Pick<CustomerInput, 'name' | 'email' | 'phone' | 'company' | 'taxNumber'>) =>
  recordSearchKey({ texts: [details.name, details.email, details.company], numbers: [details.phone, details.taxNumber] });

/** The columns of a customer written whole, with the keys made of them. */
const withKeys = (details: CustomerInput) => ({
  email: null,
  phone: null,
  company: null,
  taxNumber: null,
  address: null,
  ...details,
  emailKey: emailKeyOf(details.email),
  searchKey: customerSearchKey(details),
  nameSortKey: nameSortKey(details.name),
});

/** A customer as a webshop describes it, as stored. */
export interface ShopCustomerData {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  taxNumber: string | null;
  address: object | null;
  shippingAddress: object | null;
  externalKey: string | null;
}

export const customersRepository = (strapi: Core.Strapi) => {
  const customers = () => strapi.db.query(UID.customer);
  const column = (attribute: string) => `c.${columnOf(strapi, UID.customer, attribute)}`;

  /** The ids of the customers the filters find, as a query to page or count. */
  const filtered = ({ segment, connection, q }: CustomerFilters): Knex.QueryBuilder => {
    const query = strapi.db.connection({ c: strapi.db.metadata.get(UID.customer).tableName });
    if (segment) query.where(column('segment'), segment);
    if (connection) {
      const link = joinTableOf(strapi, UID.customer, 'connection');
      const connections = strapi.db.metadata.get(UID.connection).tableName;
      query.whereIn(
        'c.id',
        strapi.db
          .connection({ l: link.name })
          .join({ k: connections }, 'k.id', `l.${link.inverseJoinColumn.name}`)
          .where(`k.${columnOf(strapi, UID.connection, 'documentId')}`, connection)
          .select(`l.${link.joinColumn.name}`)
      );
    }
    const pattern = q ? searchPattern(q) : null;
    // One keyed column, accents and case taken away, on both databases; a trigram index on PostgreSQL (indexes.ts).
    if (pattern) query.whereRaw(`?? LIKE ? ESCAPE '\\'`, [column('searchKey'), pattern]);
    return query;
  };

  /** The sort's ORDER BY; PostgreSQL is told where NULLs go, where SQLite puts them (smallest). */
  const orderedBy = (query: Knex.QueryBuilder, sort: CustomerSort) => {
    for (const [attribute, direction] of ORDER_BY[sort]) {
      const nulls = isPostgres(strapi) && attribute === 'lastOrderAt' ? (direction === 'desc' ? ' NULLS LAST' : ' NULLS FIRST') : '';
      query.orderByRaw(`?? ${direction}${nulls}`, [column(attribute)]);
    }
  };

  /** Customers by id, in the ids' order. */
  const byIds = async (ids: number[]): Promise<CustomerStatsRow[]> => {
    if (!ids.length) return [];
    const rows: CustomerStatsRow[] = await customers().findMany({
      where: { id: { $in: ids } },
      select: STATS_FIELDS,
      populate: STATS_POPULATE,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  return {
    findRef: (documentId: string): Promise<CustomerRef | null> => customers().findOne({ where: { documentId }, select: REF }),

    /** The customer's address and shipping address: what a new order of theirs starts from. */
    addressesOf: (id: number): Promise<Pick<CustomerStatsRow, 'address' | 'shippingAddress'> | null> =>
      customers().findOne({ where: { id }, select: ['address', 'shippingAddress'] }),

    /** A new customer, in the caller's transaction (or one of its own); not read back, since nothing of it is made by the database but its id. */
    create: async (details: CustomerInput): Promise<CustomerRef> => {
      const [id] = (await strapi.db.transaction(({ trx }) =>
        insertRows(strapi, trx, UID.customer, [{ values: withKeys(details) }])
      )) as number[];
      return { id, name: details.name };
    },

    /** Writes every detail: one left out is emptied. */
    replace: (id: number, details: CustomerInput): Promise<CustomerRef> =>
      customers().update({ where: { id }, data: withKeys(details), select: REF }),

    /** Those a batch of webshop orders may be of, by the shops' ids or e-mails. */
    findForShopMany: (
      externalKeys: string[],
      emailKeys: string[]
    ): Promise<Array<CustomerRef & { externalKey: string | null; emailKey: string | null }>> =>
      externalKeys.length || emailKeys.length
        ? customers().findMany({
            where: { $or: [{ externalKey: { $in: externalKeys } }, { emailKey: { $in: emailKeys } }] },
            select: [...REF, 'externalKey', 'emailKey'],
            orderBy: { id: 'asc' },
          })
        : Promise.resolve([]),

    setExternalKey: (id: number, externalKey: string) => customers().update({ where: { id }, data: { externalKey }, select: ['id'] }),

    /** New customers of a webshop, linked to the connection they came from; answers their ids in order. */
    insertForShopOf: (trx: Transaction, connectionId: number, list: ShopCustomerData[]) =>
      insertRows(
        strapi,
        trx,
        UID.customer,
        list.map((details) => ({
          values: {
            ...details,
            address: details.address,
            shippingAddress: details.shippingAddress,
            emailKey: emailKeyOf(details.email),
            searchKey: customerSearchKey(details),
            nameSortKey: nameSortKey(details.name),
          },
          links: { connection: connectionId },
        }))
      ),

    /** How many orders other than `orderId` the customer has. */
    otherOrders: (customerId: number, orderId: number): Promise<number> =>
      strapi.db.query(UID.order).count({ where: { customer: { id: customerId }, id: { $ne: orderId } } }),
    /** One page of the customers the filters find, in the sort's order, and how many they find in all. */
    async list(filters: CustomerFilters, sort: CustomerSort, page: Page): Promise<[CustomerStatsRow[], number]> {
      const ids = filtered(filters);
      orderedBy(ids, sort);
      const [pageIds, [{ total }]] = await Promise.all([
        ids.offset(offsetOf(page)).limit(page.pageSize).select('c.id'),
        filtered(filters).count({ total: '*' }),
      ]);
      return [await byIds(pageIds.map((row: { id: number }) => row.id)), Number(total)];
    },

    /** Every customer the filters find, in the sort's order: the export. */
    async all(filters: CustomerFilters, sort: CustomerSort): Promise<CustomerStatsRow[]> {
      const ids = filtered(filters);
      orderedBy(ids, sort);
      const rows: Array<{ id: number }> = await ids.select('c.id');
      const found: CustomerStatsRow[] = [];
      for (let i = 0; i < rows.length; i += 500) found.push(...(await byIds(rows.slice(i, i + 500).map((row) => row.id))));
      return found;
    },

    find: async (documentId: string): Promise<CustomerStatsRow | null> => {
      const row = await customers().findOne({ where: { documentId }, select: STATS_FIELDS, populate: STATS_POPULATE });
      return row ?? null;
    },

    /** Per segment: how many customers, and the total they spent. */
    overview: async (): Promise<Array<{ segment: Segment | null; customers: number; spent: StoredInteger }>> => {
      const segment = columnOf(strapi, UID.customer, 'segment');
      const spent = columnOf(strapi, UID.customer, 'totalSpentMinor');
      const rows = await strapi.db
        .connection(strapi.db.metadata.get(UID.customer).tableName)
        .select({ segment })
        .count({ customers: '*' })
        .sum({ spent })
        .groupBy(segment);
      return rows.map((row: Record<string, unknown>) => ({
        segment: (row.segment as Segment | null) ?? null,
        customers: Number(row.customers),
        spent: (row.spent as StoredInteger | null) ?? 0,
      }));
    },

    /** The customer's segment changes, newest first. */
    segmentHistory: (customerId: number): Promise<SegmentChangeRow[]> =>
      strapi.db.query(UID.segmentChange).findMany({
        where: { customer: { id: customerId } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        select: ['at', 'fromSegment', 'toSegment'],
        limit: 200,
      }),

    /** Writes the contact data given whole: a field left out is emptied. */
    updateContact: (id: number, details: CustomerInput) => customers().update({ where: { id }, data: withKeys(details), select: ['id'] }),

    /** The name orders keep of their customer (the list's cache) and its sort key, for all of the customer's orders. */
    renameOrders: async (trx: Transaction, customerId: number, name: string) => {
      const link = joinTableOf(strapi, UID.order, 'customer');
      await trx(strapi.db.metadata.get(UID.order).tableName)
        .whereIn('id', trx(link.name).where(link.inverseJoinColumn.name, customerId).select(link.joinColumn.name))
        .update(
          Object.fromEntries(
            Object.entries(customerNameOf(name)).map(([attribute, value]) => [columnOf(strapi, UID.order, attribute), value])
          )
        );
    },

    /** Moves every order of `fromId` to `intoId`, in one statement. */
    moveOrders: async (trx: Transaction, fromId: number, intoId: number) => {
      const link = joinTableOf(strapi, UID.order, 'customer');
      return trx(link.name)
        .where(link.inverseJoinColumn.name, fromId)
        .update({ [link.inverseJoinColumn.name]: intoId });
    },

    /** Moves the links of the inbox entries that set `fromId` to `intoId` (an entry linking both keeps one). */
    moveInboxLinks: async (trx: Transaction, fromId: number, intoId: number) => {
      const link = joinTableOf(strapi, UID.inboxEntry, 'customers');
      const [entry, customer] = [link.joinColumn.name, link.inverseJoinColumn.name];
      const linkingBoth = trx(link.name).where(customer, intoId).select(entry);
      await trx(link.name).where(customer, fromId).whereIn(entry, linkingBoth).delete();
      await trx(link.name)
        .where(customer, fromId)
        .update({ [customer]: intoId });
    },

    /** Removes a customer and its segment history (its orders have been moved). */
    remove: async (trx: Transaction, id: number) => {
      const link = joinTableOf(strapi, UID.segmentChange, 'customer');
      const changes = trx(link.name).where(link.inverseJoinColumn.name, id).select(link.joinColumn.name);
      await trx(strapi.db.metadata.get(UID.segmentChange).tableName).whereIn('id', changes).delete();
      await customers().delete({ where: { id } });
    },

    /** What a shop last said of the customer's newsletter, and when. */
    subscriptionOf: (id: number): Promise<SubscriptionState & Pick<CustomerRow, 'documentId' | 'name'>> =>
      customers().findOne({ where: { id }, select: ['documentId', 'name', 'subscription', 'subscriptionReason', 'subscriptionAt'] }),

    setSubscription: (id: number, state: SubscriptionState) => customers().update({ where: { id }, data: state, select: ['id'] }),

    /** Writes columns of the customer: what a merge takes over from the other record. */
    setFields: (id: number, data: Record<string, unknown>) => customers().update({ where: { id }, data, select: ['id'] }),

    /** The keys that find the customer: a webshop's customer id, the e-mail. */
    keysOf: async (id: number): Promise<{ externalKey: string | null; emailKey: string | null }> =>
      customers().findOne({ where: { id }, select: ['externalKey', 'emailKey'] }),

    /** Writes the customers' search keys from their details as stored: after a merge took some over. */
    async refreshSearchKeys(trx: Knex, ids: number[]) {
      const rows: Array<CustomerRef & Pick<CustomerRow, 'email' | 'phone' | 'company' | 'taxNumber'>> = ids.length
        ? await trx(strapi.db.metadata.get(UID.customer).tableName)
            .whereIn('id', ids)
            .select({
              id: 'id',
              ...Object.fromEntries(
                ['name', 'email', 'phone', 'company', 'taxNumber'].map((name) => [name, columnOf(strapi, UID.customer, name)])
              ),
            })
        : [];
      const keys = new Map(rows.map((row) => [Number(row.id), customerSearchKey(row)]));
      await setColumnOfEach(trx, strapi.db.metadata.get(UID.customer).tableName, columnOf(strapi, UID.customer, 'searchKey'), keys);
    },

    /**
     * Gives keys to customers that have none, a batch per transaction, until none is left;
     * answers how many. Idempotent, and one query when there is nothing to do: at every start,
     * it keys the customers of a database from before the search key.
     */
    async fillSearchKeys(): Promise<number> {
      const table = strapi.db.metadata.get(UID.customer).tableName;
      let filled = 0;
      for (;;) {
        const done: number = await strapi.db.transaction(async ({ trx }) => {
          const rows = await trx(table)
            .whereNull(columnOf(strapi, UID.customer, 'searchKey'))
            .orderBy('id')
            .limit(500)
            .select('id');
          await this.refreshSearchKeys(
            trx,
            rows.map((row: { id: number }) => Number(row.id))
          );
          return rows.length;
        });
        if (!done) return filled;
        filled += done;
      }
    },

    /** Whether any customer has no segment yet: one from before segments, which the daily pass has not reached. */
    anyUnsegmented: async (): Promise<boolean> =>
      Boolean(await customers().findOne({ where: { segment: { $null: true } }, select: ['id'] })),
  };
};
