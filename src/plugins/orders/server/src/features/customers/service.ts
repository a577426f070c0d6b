/**
 * Customers (ügyfél): who orders. Found or made for an order — by the order's own details, an
 * existing customer picked in New order, or a webshop's customer —, listed with what their
 * orders add up to and the segment that makes of them, edited, exported and merged.
 */
import type { Core } from '@strapi/strapi';
import type {
  CustomerDetailJson,
  CustomerExportQuery,
  CustomerInput,
  CustomerListQuery,
  SegmentOverviewJson,
} from '../../../../shared/contracts/customers';
import type { NormalizedCustomer } from '../../../../shared/contracts/normalized-order';
import { csvHeader, csvNumber, inertText, toCsv, type CsvColumn } from '../../../../shared/domain/csv';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { DEFAULT_CURRENCY, formatMoney } from '../../../../shared/domain/money';
import { SEGMENT_NAMES } from '../../../../shared/domain/segments';
import { isoOf, lockByDocumentId, lockName, type Transaction } from '../../core/database';
import { invalidField, notFound } from '../../core/errors';
import { pagination } from '../../core/pages';
import { getService } from '../../core/service';
import { UID } from '../../core/uids';
import { ordersRepository } from '../orders/repository';
import { customersRepository, emailKeyOf, type CustomerRef, type CustomerStatsRow, type ShopCustomerData } from './repository';
import { serializeCustomerSummary, serializeSegmentChange } from './serializer';

/** The export's columns, in the order a spreadsheet shows them, named as the admin names them. */
const CSV_COLUMNS: CsvColumn[] = [
  { en: 'Name', hu: 'Név' },
  { en: 'Email', hu: 'E-mail' },
  { en: 'Phone', hu: 'Telefon' },
  { en: 'Company', hu: 'Cég' },
  { en: 'Tax number', hu: 'Adószám' },
  { en: 'Webshop', hu: 'Webshop' },
  { en: 'Segment', hu: 'Szegmens' },
  { en: 'Orders', hu: 'Megrendelések' },
  { en: 'Successful', hu: 'Sikeres' },
  { en: 'Total spent', hu: 'Vásárlások összege' },
  { en: 'Currency', hu: 'Pénznem' },
  { en: 'Last order', hu: 'Utolsó megrendelés' },
  { en: 'Customer since', hu: 'Ügyfél ekkortól' },
];

/** A merge's target takes over the contact data it lacks from the record merged into it. */
const TAKEN_OVER = ['email', 'phone', 'company', 'taxNumber', 'address', 'shippingAddress'] as const;

const noCustomer = (documentId: string) => notFound('customerNotFound', `No customer ${documentId}`, { id: documentId });

const createCustomersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const customers = customersRepository(strapi);

  const findRow = async (documentId: string): Promise<CustomerStatsRow> => {
    const row = await customers.find(documentId);
    if (!row) throw noCustomer(documentId);
    return row;
  };

  /** The datasheet: the customer, their latest orders, their segment history. */
  const detailOf = async (row: CustomerStatsRow): Promise<CustomerDetailJson> => {
    const [orders, history] = await Promise.all([
      getService(strapi, 'orders').list({ customer: row.documentId, sort: 'createdAt:desc', page: 1, pageSize: 25 }),
      customers.segmentHistory(row.id),
    ]);
    return {
      ...serializeCustomerSummary(row),
      shippingAddress: row.shippingAddress ?? null,
      orders: orders.data,
      segmentHistory: history.map(serializeSegmentChange),
    };
  };

  /** Locks a customer named by a merge, or refuses the merge naming the field at fault. */
  const lockForMerge = async (trx: Transaction, field: 'id' | 'into', documentId: string) => {
    const id = await lockByDocumentId(strapi, trx, UID.customer, documentId);
    if (!id) throw invalidField(field, 'unknownCustomer', `no customer ${documentId}`, { customerId: documentId });
    return (await customers.find(documentId))!;
  };

  return {
    /** Whether a customer has no segment yet (one from before segments). */
    anyUnsegmented: () => customers.anyUnsegmented(),

    /** One page of the customers list. */
    async list({ sort, page, pageSize, ...filters }: CustomerListQuery) {
      const [rows, total] = await customers.list(filters, sort, { page, pageSize });
      return { data: rows.map(serializeCustomerSummary), meta: pagination({ page, pageSize }, total) };
    },

    async get(documentId: string) {
      return detailOf(await findRow(documentId));
    },

    /** Corrects a customer's contact data, given whole; their orders' list shows the new name. */
    async update(documentId: string, details: CustomerInput) {
      await strapi.db.transaction(async ({ trx }) => {
        const id = await lockByDocumentId(strapi, trx, UID.customer, documentId);
        if (!id) throw noCustomer(documentId);
        await customers.updateContact(id, details);
        await customers.renameOrders(trx, id, details.name);
        await ordersRepository(strapi).refreshSearchKeysOfCustomer(trx, id);
      });
      return this.get(documentId);
    },

    /** Per segment: how many customers, and what they spent (in the shop's currency). */
    async overview(): Promise<{ currency: string; segments: SegmentOverviewJson[] }> {
      const rows = await customers.overview();
      return {
        currency: DEFAULT_CURRENCY,
        segments: rows.map(({ segment, customers: count, spent }) => ({
          segment,
          customers: count,
          totalSpent: formatMoney(toBigInt(spent), DEFAULT_CURRENCY),
        })),
      };
    },

    /** The customers the filters find, as a spreadsheet in the reader's language. */
    async exportCsv({ separator, language, sort, ...filters }: CustomerExportQuery) {
      const rows = (await customers.all(filters, sort)).map(serializeCustomerSummary);
      return toCsv(
        csvHeader(CSV_COLUMNS, language),
        rows.map((row) => [
          inertText(row.name),
          inertText(row.email ?? ''),
          inertText(row.phone ?? ''),
          inertText(row.company ?? ''),
          inertText(row.taxNumber ?? ''),
          inertText(row.connection?.name ?? ''),
          row.segment ? SEGMENT_NAMES[row.segment][language] : '',
          String(row.ordersCount),
          String(row.successfulCount),
          csvNumber(row.totalSpent, language),
          row.currency,
          row.lastOrderAt ?? '',
          row.createdAt,
        ]),
        separator
      );
    },

    /**
     * Two records of one person become one: `documentId`'s orders move to `into`, which takes
     * over the contact data it lacks; the record merged goes, with its segment history; `into`'s
     * stats and segment are recomputed — all in one transaction.
     */
    async merge(documentId: string, into: string) {
      if (documentId === into) throw invalidField('into', 'sameCustomer', 'a customer cannot be merged into itself', { customerId: into });
      await strapi.db.transaction(async ({ trx }) => {
        // The recompute's lock first, then both customers in one order (by documentId): two
        // opposite merges, or a merge and the daily pass, wait for each other instead of deadlocking.
        await getService(strapi, 'segments').lock(trx, []);
        const [first, second] = [documentId, into].sort();
        const locked = new Map<string, CustomerStatsRow>();
        for (const id of [first, second]) locked.set(id, await lockForMerge(trx, id === documentId ? 'id' : 'into', id));
        const from = locked.get(documentId)!;
        const target = locked.get(into)!;
        await customers.moveOrders(trx, from.id, target.id);
        await customers.moveInboxLinks(trx, from.id, target.id);
        await customers.renameOrders(trx, target.id, target.name);
        const fromKeys = await customers.keysOf(from.id);
        await customers.remove(trx, from.id);
        await customers.setFields(target.id, takenOver(target, from, fromKeys, await customers.keysOf(target.id)));
        await customers.refreshSearchKeys(trx, [target.id]);
        await ordersRepository(strapi).refreshSearchKeysOfCustomer(trx, target.id);
        await getService(strapi, 'segments').recompute([target.id]);
      });
      return this.get(into);
    },

    /** The customer an order names: an existing one by documentId, or a new one (`created`) from its details. */
    async resolve({
      customer,
      customerId,
    }: {
      customer?: CustomerInput;
      customerId?: string;
    }): Promise<CustomerRef & { created: boolean }> {
      if (customerId) {
        const found = await customers.findRef(customerId);
        if (!found) throw invalidField('customerId', 'unknownCustomer', `no customer ${customerId}`, { customerId });
        return { ...found, created: false };
      }
      return { ...(await customers.create(customer!)), created: true };
    },

    /** Where the customer lives and has goods sent, as a new order of theirs starts from. */
    async addressesOf(id: number) {
      const row = await customers.addressesOf(id);
      return { address: row?.address ?? null, shippingAddress: row?.shippingAddress ?? null };
    },

    /**
     * New details for an order's customer, given whole (a field left out is emptied). They are
     * written to the order's customer when no other order has that customer, so a corrected typo
     * leaves one customer, not two; a customer other orders share keeps its details, and this order
     * gets a new customer with the new ones.
     */
    async amend(orderId: number, current: number | undefined, details: CustomerInput): Promise<CustomerRef> {
      if (!current || (await customers.otherOrders(current, orderId))) return customers.create(details);
      return customers.replace(current, details);
    },

    /**
     * A webshop order's customer: found by the shop's customer id within its connection, else by
     * e-mail; else a new one (`created`) — a guest too gets a customer of its own. Locked by what
     * finds it, so that two first orders of one new customer at once make one customer.
     */
    async forShop(trx: Transaction, connectionId: number, customer: NormalizedCustomer): Promise<CustomerRef & { created: boolean }> {
      const [found] = await this.forShopMany(trx, connectionId, [customer]);
      return found;
    },

    /**
     * The customers of a batch of webshop orders, as forShop finds or makes each: one new customer
     * per new shop customer; `created` says which were made now.
     */
    async forShopMany(
      trx: Transaction,
      connectionId: number,
      list: NormalizedCustomer[]
    ): Promise<Array<CustomerRef & { created: boolean }>> {
      const wanted = list.map((customer) => ({
        customer,
        externalKey: customer.externalId ? `${connectionId}:${customer.externalId}` : null,
        emailKey: emailKeyOf(customer.email),
      }));
      const lockNames = [...new Set(wanted.flatMap(({ externalKey, emailKey }) => externalKey ?? emailKey ?? []))].sort();
      for (const name of lockNames) await lockName(strapi, trx, `customer:${name}`);
      const found = await customers.findForShopMany(
        wanted.flatMap(({ externalKey }) => externalKey ?? []),
        wanted.flatMap(({ emailKey }) => emailKey ?? [])
      );
      const byKey = new Map(found.filter((row) => row.externalKey).map((row) => [row.externalKey!, row]));
      const byEmail = new Map<string, (typeof found)[number]>();
      for (const row of found) if (row.emailKey && !byEmail.has(row.emailKey)) byEmail.set(row.emailKey, row);

      // Each wanted customer is one found, or one of those to make (a shop customer twice in the batch, once).
      const toMake: ShopCustomerData[] = [];
      const madeFor = new Map<string, number>();
      const picks = [];
      for (const { customer, externalKey, emailKey } of wanted) {
        const hit = (externalKey && byKey.get(externalKey)) || (emailKey && byEmail.get(emailKey)) || undefined;
        if (hit) {
          if (externalKey && !hit.externalKey) {
            await customers.setExternalKey(hit.id, externalKey);
            hit.externalKey = externalKey;
            byKey.set(externalKey, hit);
          }
          picks.push({ found: { id: hit.id, name: hit.name, created: false } });
          continue;
        }
        const same = externalKey ?? emailKey;
        if (same && madeFor.has(same)) {
          picks.push({ made: madeFor.get(same)! });
          continue;
        }
        if (same) madeFor.set(same, toMake.length);
        picks.push({ made: toMake.length });
        toMake.push({
          name: customer.name,
          email: customer.email?.trim() || null,
          phone: customer.phone,
          company: customer.company,
          taxNumber: customer.taxNumber,
          address: customer.billingAddress,
          shippingAddress: customer.shippingAddress,
          externalKey,
        });
      }
      const ids = toMake.length ? await customers.insertForShopOf(trx, connectionId, toMake) : [];
      return picks.map((pick) => ('found' in pick ? pick.found! : { id: ids[pick.made!], name: toMake[pick.made!].name, created: true }));
    },
  };
};

/** Whether a shop said something of `from`'s newsletter later than of `target`'s (or only of `from`'s). */
const newerSubscription = (from: CustomerStatsRow, target: CustomerStatsRow) =>
  from.subscriptionAt != null &&
  (target.subscriptionAt == null || new Date(isoOf(from.subscriptionAt)) > new Date(isoOf(target.subscriptionAt)));

/**
 * What a merge's target takes over: the contact data it lacks, the webshop's and e-mail keys that
 * find it, and the newsletter state a shop said later.
 */
const takenOver = (
  target: CustomerStatsRow,
  from: CustomerStatsRow,
  fromKeys: { externalKey: string | null; emailKey: string | null },
  targetKeys: { externalKey: string | null; emailKey: string | null }
) => {
  const fields: Record<string, unknown> = {};
  for (const field of TAKEN_OVER) if (target[field] == null && from[field] != null) fields[field] = from[field];
  if (fields.email) fields.emailKey = emailKeyOf(fields.email as string);
  if (!targetKeys.externalKey && fromKeys.externalKey) fields.externalKey = fromKeys.externalKey;
  if (!target.connection && from.connection) fields.connection = from.connection.id;
  if (newerSubscription(from, target)) {
    Object.assign(fields, {
      subscription: from.subscription,
      subscriptionReason: from.subscriptionReason,
      subscriptionAt: new Date(isoOf(from.subscriptionAt!)),
    });
  }
  return fields;
};

export default createCustomersService;
