/**
 * The invoices' queries: the gapless counter, the invoice rows (their PDF read only when it is
 * downloaded), and the list. An invoice's row is written once; afterwards only its state and
 * stornoedBy (when a storno cancels it) and its PDF's outcome (once) are.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { InvoiceJson, InvoiceListQuery, InvoiceState, InvoiceType } from '../../../../shared/contracts/invoices';
import type { DocumentState } from '../../../../shared/contracts/documents';
import type { Page } from '../../../../shared/contracts/pages';
import type { StockLine } from '../../../../shared/domain/stock-plan';
import {
  columnOf,
  insertRows,
  isPostgres,
  updateColumns,
  readIn,
  type StoredDate,
  type StoredInteger,
  type Transaction,
} from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID } from '../../core/uids';
import { recordSearchKey, searchKey } from '../../../../shared/domain/search-key';

/** What never changes after issue: everything the invoice says. */
export type InvoiceContent = Omit<InvoiceJson, 'documentId' | 'state' | 'stornoedBy' | 'pdf'>;

export interface InvoiceRow {
  id: number;
  documentId: string;
  number: string;
  series: string;
  year: number;
  sequence: number;
  type: InvoiceType;
  state: InvoiceState;
  orderDocumentId: string;
  orderNumber: string;
  stornoOfDocumentId: string | null;
  stornoedBy: { documentId: string; number: string } | null;
  issueDate: string;
  buyerName: string;
  currency: string;
  grossMinor: StoredInteger;
  content: InvoiceContent;
  pdfState: DocumentState;
  pdfError: string | null;
  contentHash: string | null;
  size: number | null;
  /** The template its PDF was made from, once made. */
  templateKey: string | null;
  templateVersion: number | null;
  createdAt: StoredDate;
}

/** The stock lines an invoice booked, as stored with it: quantities in thousandths, as text. */
type StoredStock = Array<{ stockItemId: number; quantityMilli: string }>;

const LISTED = [
  'id',
  'documentId',
  'number',
  'series',
  'year',
  'sequence',
  'type',
  'state',
  'orderDocumentId',
  'orderNumber',
  'stornoOfDocumentId',
  'stornoedBy',
  'issueDate',
  'buyerName',
  'currency',
  'grossMinor',
  'pdfState',
  'pdfError',
  'contentHash',
  'size',
  'templateKey',
  'templateVersion',
  'createdAt',
];
const WITH_CONTENT = [...LISTED, 'content'];

/** What an order's JSON says of each of its invoices. */
const ORDER_INVOICE_FIELDS = ['documentId', 'number', 'type', 'state', 'issueDate', 'currency', 'grossMinor'] as const;
export type OrderInvoiceRow = Pick<InvoiceRow, (typeof ORDER_INVOICE_FIELDS)[number]>;

/** No number twice, however many app processes issue at once; one counter row per series and year. */
export const NUMBER_INDEX = { uid: UID.invoice, attribute: 'number' } as const;
export const COUNTER_INDEX = { uid: UID.invoiceCounter, attribute: 'key' } as const;

const counterKey = (series: string, year: number) => `${series}:${year}`;

export const invoicesRepository = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UID.invoice);
  const column = (attribute: string) => columnOf(strapi, UID.invoice, attribute);
  const table = () => strapi.db.metadata.get(UID.invoice).tableName;

  return {
    /** The order's invoices are looked up on every answer about the order. */
    async ensureIndexes() {
      await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [
        `${table()}_order_idx`,
        table(),
        column('orderDocumentId'),
      ]);
    },

    /**
     * Takes the next sequence number of a series' year: one upsert that adds 1 to the counter row
     * (made at the year's first invoice) and answers it. The row stays locked until the issuing
     * transaction ends, so concurrent issues take numbers one after another; a transaction that
     * rolls back takes its number back with it, and no gap is left.
     */
    async takeSequence(trx: Transaction, series: string, year: number): Promise<number> {
      const counters = strapi.db.metadata.get(UID.invoiceCounter).tableName;
      const counter = (attribute: string) => columnOf(strapi, UID.invoiceCounter, attribute);
      const now = new Date();
      const [row] = await trx(counters)
        .insert({
          [counter('documentId')]: counterKey(series, year),
          [counter('key')]: counterKey(series, year),
          [counter('last')]: 1,
          [counter('createdAt')]: now,
          [counter('updatedAt')]: now,
          [counter('publishedAt')]: now,
        })
        .onConflict(counter('key'))
        .merge({ [counter('last')]: trx.raw('??.?? + 1', [counters, counter('last')]), [counter('updatedAt')]: now })
        .returning(counter('last'));
      return Number((row as Record<string, unknown>)[counter('last')]);
    },

    /** The sequence number the series' next invoice of the year would take. */
    async nextSequence(series: string, year: number): Promise<number> {
      const counters = strapi.db.metadata.get(UID.invoiceCounter).tableName;
      const row = await strapi.db
        .connection(counters)
        .where(columnOf(strapi, UID.invoiceCounter, 'key'), counterKey(series, year))
        .first(columnOf(strapi, UID.invoiceCounter, 'last'));
      return Number(row?.[columnOf(strapi, UID.invoiceCounter, 'last')] ?? 0) + 1;
    },

    /** The latest issue date of a series: a new invoice may not be dated before it, or numbers would not follow dates. */
    async lastIssueDate(trx: Transaction, series: string): Promise<string | null> {
      const row = await trx(table())
        .where(column('series'), series)
        .max({ last: column('issueDate') })
        .first();
      return (row?.last as string | null) ?? null;
    },

    /** Inserts an invoice with the stock lines it booked; answers its ids. Its timestamps are the database's insert's. */
    async create(trx: Transaction, values: Omit<InvoiceRow, 'id' | 'documentId' | 'createdAt'> & { stock: StockLine[] }) {
      const stock: StoredStock = values.stock.map((line) => ({
        stockItemId: line.stockItemId,
        quantityMilli: line.quantityMilli.toString(),
      }));
      const documentId = createId();
      const key = recordSearchKey({ texts: [values.number, values.buyerName, values.orderNumber] });
      const [id] = await insertRows(strapi, trx, UID.invoice, [{ values: { ...values, stock, documentId, searchKey: key } }]);
      return { id, documentId };
    },

    find: (documentId: string): Promise<InvoiceRow | null> => rows().findOne({ where: { documentId }, select: WITH_CONTENT }),

    /** Its row under a lock: a storno and the PDF's outcome wait for each other. */
    async lock(trx: Transaction, documentId: string): Promise<InvoiceRow | null> {
      const query = trx(table()).where(column('documentId'), documentId).select('id');
      if (isPostgres(strapi)) query.forUpdate();
      const row = await query.first();
      return row ? (rows().findOne({ where: { id: row.id }, select: WITH_CONTENT }) as Promise<InvoiceRow>) : null;
    },

    /**
     * The order's invoices, oldest first, as its JSON lists them: one indexed query, since every
     * answer about an order asks. In the caller's transaction when there is one (SQLite would
     * wait forever for a read on another connection).
     */
    ofOrder: async (orderDocumentId: string): Promise<OrderInvoiceRow[]> =>
      readIn(strapi, (db) =>
        db(table())
          .where(column('orderDocumentId'), orderDocumentId)
          .orderBy('id')
          .select(Object.fromEntries(ORDER_INVOICE_FIELDS.map((attribute) => [attribute, column(attribute)])))
      ),

    /** The order's invoice in force (an invoice, not stornoed), read in the caller's transaction. */
    inForce: (db: Knex, orderDocumentId: string): Promise<{ id: number; number: string; stock: StoredStock | string | null } | undefined> =>
      db(table())
        .where({ [column('orderDocumentId')]: orderDocumentId, [column('type')]: 'invoice', [column('state')]: 'issued' })
        .first('id', `${column('number')} as number`, `${column('stock')} as stock`),

    /** A storno cancels the original: its state and a pointer to the storno change; nothing else ever does. */
    markStornoed: (trx: Transaction, id: number, stornoedBy: { documentId: string; number: string }) =>
      updateColumns(strapi, trx, UID.invoice, id, { state: 'stornoed', stornoedBy }),

    /** Records how making the PDF went; a PDF once made is never written again. */
    async recordPdf(
      id: number,
      outcome: Partial<Pick<InvoiceRow, 'pdfError' | 'contentHash' | 'size' | 'templateKey' | 'templateVersion'>> & {
        pdfState: DocumentState;
        pdf?: string;
      }
    ) {
      const values: Record<string, unknown> = { [column('updatedAt')]: new Date() };
      for (const [attribute, value] of Object.entries(outcome)) values[column(attribute)] = value;
      return (await strapi.db.connection(table()).where('id', id).whereNot(column('pdfState'), 'issued').update(values)) === 1;
    },

    async pdfOf(id: number): Promise<Buffer | null> {
      const row = (await rows().findOne({ where: { id }, select: ['pdf'] })) as { pdf: string | null } | null;
      return row?.pdf ? Buffer.from(row.pdf, 'base64') : null;
    },

    /** One page of the list, newest issue date first, and how many match. */
    async list(filters: Omit<InvoiceListQuery, 'page' | 'pageSize'>, page: Page): Promise<[InvoiceRow[], number]> {
      const where: Record<string, unknown>[] = [];
      if (filters.state) where.push({ state: filters.state });
      if (filters.type) where.push({ type: filters.type });
      if (filters.series) where.push({ series: filters.series });
      if (filters.order) where.push({ orderDocumentId: filters.order });
      if (filters.from) where.push({ issueDate: { $gte: filters.from } });
      if (filters.to) where.push({ issueDate: { $lte: filters.to } });
      // The number, the buyer and the order's number, as search keys: "kovacs" finds "Kovács Éva".
      if (filters.q) where.push({ searchKey: { $contains: searchKey(filters.q) } });
      const query = { where: { $and: where } };
      return Promise.all([
        rows().findMany({
          ...query,
          select: WITH_CONTENT,
          orderBy: [{ issueDate: 'desc' }, { id: 'desc' }],
          offset: offsetOf(page),
          limit: page.pageSize,
        }),
        rows().count(query),
      ]) as Promise<[InvoiceRow[], number]>;
    },

    /** Every invoice issued in a range of days, in the order of their numbers: the NAV ZIP. */
    inRange: (from: string, to: string): Promise<InvoiceRow[]> =>
      rows().findMany({ where: { issueDate: { $gte: from, $lte: to } }, select: WITH_CONTENT, orderBy: [{ id: 'asc' }] }),
  };
};

/** The stock lines stored with an invoice, as the ledger takes them. */
export const stockOf = (stored: StoredStock | string | null): StockLine[] => {
  const lines: StoredStock = typeof stored === 'string' ? JSON.parse(stored) : (stored ?? []);
  return lines.map((line) => ({ stockItemId: line.stockItemId, quantityMilli: BigInt(line.quantityMilli) }));
};
