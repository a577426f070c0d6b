/** The stock items' queries (the ledger's SQL is in ledger-repository.ts). */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { MovementCause, MovementKind, StockItemSort, StockItemSortColumn } from '../../../../shared/contracts/inventory';
import type { Page } from '../../../../shared/contracts/pages';
import { nameSortKey } from '../../../../shared/domain/sort-key';
import { VAT_RATES_BY_PERCENT, type VatRate } from '../../../../shared/domain/vat';
import type { Knex } from 'knex';
import { attributesOf, columnOf, compiled, readIn, type StoredDate, type StoredInteger } from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID } from '../../core/uids';

/** What the list finds: a search of SKU and name, and only the low ones when asked. */
export interface StockItemFilters {
  q?: string;
  lowStock?: boolean;
}

/** A stock item as stored: money in HUF's minor unit, quantities in thousandths. */
export interface StockItemRow {
  id: number;
  documentId: string;
  sku: string;
  name: string;
  unit: string;
  unitPriceMinor: StoredInteger;
  vatRate: VatRate;
  onHandMilli: StoredInteger;
  /** What finalized orders hold of it, kept by the ledger; null until counted at start (ledger.ts, countReservations). */
  reservedMilli: StoredInteger | null;
  lowStockThresholdMilli: StoredInteger | null;
  createdAt: StoredDate;
  updatedAt: StoredDate;
}

/** A stock-movement row with the order that caused it. */
export interface MovementRow {
  documentId: string;
  kind: MovementKind;
  quantityMilli: StoredInteger;
  balanceAfterMilli: StoredInteger;
  cause: MovementCause | null;
  reason: string | null;
  actor: Actor | null;
  createdAt: StoredDate;
  order: { documentId: string; number: string } | null;
  orderNumber: string | null;
  invoice: { documentId: string; number: string } | null;
}

/** The fields a request may write (the on-hand quantity is not one of them: only movements change it). */
export type StockItemFields = Partial<
  Pick<StockItemRow, 'sku' | 'name' | 'unit' | 'vatRate' | 'unitPriceMinor' | 'lowStockThresholdMilli'>
>;

/** The stored column of each plainly sorted column of the list. */
const SORT_COLUMNS: Record<Exclude<StockItemSortColumn, 'reserved' | 'physical' | 'lowStockThreshold' | 'vatRate'>, string> = {
  sku: 'sku',
  // The name's sort key: the Hungarian alphabet on both databases (shared/domain/sort-key.ts).
  name: 'nameSortKey',
  unit: 'unit',
  unitPrice: 'unitPriceMinor',
  available: 'onHandMilli',
};

/** A rate's place in VAT_RATES_BY_PERCENT, in SQL: a value that is no rate goes after them all. */
const vatRateRank = (column: string) => ({
  sql: `CASE ?? ${VAT_RATES_BY_PERCENT.map((_, rank) => `WHEN ? THEN ${rank}`).join(' ')} ELSE ${VAT_RATES_BY_PERCENT.length} END`,
  bindings: [column, ...VAT_RATES_BY_PERCENT],
});

/** The fields, with the name's sort key when they change the name: the two are always written together. */
const withNameKey = (fields: StockItemFields) =>
  fields.name === undefined ? fields : { ...fields, nameSortKey: nameSortKey(fields.name) };

export const stockItemsRepository = (strapi: Core.Strapi) => {
  const items = () => strapi.db.query(UID.stockItem);
  const movements = () => strapi.db.query(UID.stockMovement);
  const column = (attribute: string) => `i.${columnOf(strapi, UID.stockItem, attribute)}`;

  /** A stock item by documentId: read on every adjustment and item page. */
  const byDocumentId = compiled<'documentId'>(strapi, (knex, slot) =>
    knex(`${strapi.db.metadata.get(UID.stockItem).tableName} as i`)
      .where(column('documentId'), slot('documentId'))
      .first('i.*')
  );

  /** The items a condition finds, as the query engine would answer them, in the caller's transaction if any. */
  const rowsWhere = (where: (query: Knex.QueryBuilder) => Knex.QueryBuilder) =>
    readIn(strapi, async (db) => {
      const rows: Array<Record<string, unknown>> = await where(db(`${strapi.db.metadata.get(UID.stockItem).tableName} as i`)).select('i.*');
      return rows.map((row) => attributesOf(strapi, UID.stockItem, row) as unknown as StockItemRow);
    });

  /** The items the filters find, as a query to page or count. */
  const filtered = ({ q, lowStock }: StockItemFilters) => {
    const query = strapi.db.connection(`${strapi.db.metadata.get(UID.stockItem).tableName} as i`);
    // As Strapi's $containsi: the text anywhere in the SKU or the name, whatever its case.
    if (q)
      query.where((or) =>
        or.whereRaw('LOWER(??) LIKE LOWER(?)', [column('sku'), `%${q}%`]).orWhereRaw('LOWER(??) LIKE LOWER(?)', [column('name'), `%${q}%`])
      );
    // isLow, as the serializer says it: a threshold, and the available stock at or below it.
    if (lowStock)
      query.whereNotNull(column('lowStockThresholdMilli')).whereRaw('?? <= ??', [column('onHandMilli'), column('lowStockThresholdMilli')]);
    return query;
  };

  /**
   * The sort's ORDER BY, each column as the list shows it: physical stock is the available and
   * the reserved together; items without a threshold come last either way. Ties go by id, so
   * that pages neither repeat nor skip an item.
   */
  const orderedBy = (query: ReturnType<typeof filtered>, sort: StockItemSort) => {
    const [name, direction] = sort.split(':') as [StockItemSortColumn, 'asc' | 'desc'];
    switch (name) {
      case 'reserved':
        query.orderByRaw(`COALESCE(??, 0) ${direction}`, [column('reservedMilli')]);
        break;
      case 'physical':
        query.orderByRaw(`?? + COALESCE(??, 0) ${direction}`, [column('onHandMilli'), column('reservedMilli')]);
        break;
      case 'vatRate': {
        // The column holds text: "5" would sort after "27". A few thousand items sort by it in no time without an index.
        const rank = vatRateRank(column('vatRate'));
        query.orderByRaw(`${rank.sql} ${direction}`, rank.bindings);
        break;
      }
      case 'lowStockThreshold':
        query.orderByRaw(`CASE WHEN ?? IS NULL THEN 1 ELSE 0 END, ?? ${direction}`, [
          column('lowStockThresholdMilli'),
          column('lowStockThresholdMilli'),
        ]);
        break;
      default:
        query.orderBy(column(SORT_COLUMNS[name]), direction);
    }
    query.orderBy('i.id', direction);
  };

  return {
    /** One page of the items the filters find, in the sort's order, and the count of all they find. */
    async page(filters: StockItemFilters, sort: StockItemSort, page: Page): Promise<[StockItemRow[], number]> {
      const ids = filtered(filters);
      orderedBy(ids, sort);
      const [pageIds, [{ total }]] = await Promise.all([
        ids.offset(offsetOf(page)).limit(page.pageSize).select('i.id'),
        filtered(filters).count({ total: '*' }),
      ]);
      const wanted = pageIds.map((row: { id: number }) => Number(row.id));
      const rows: StockItemRow[] = wanted.length ? await items().findMany({ where: { id: { $in: wanted } } }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return [wanted.flatMap((id: number) => byId.get(id) ?? []), Number(total)];
    },

    all: (): Promise<StockItemRow[]> => items().findMany({ orderBy: { sku: 'asc' } }),

    // The three reads of every change of stock or lines: one query each, below the query engine.

    async find(documentId: string): Promise<StockItemRow | null> {
      const [row] = await readIn(strapi, (db) => byDocumentId(db, { documentId }));
      return row ? (attributesOf(strapi, UID.stockItem, row) as unknown as StockItemRow) : null;
    },

    /** Those named by documentId or SKU, as an order's lines name them. */
    findNamed: (documentIds: string[], skus: string[]): Promise<StockItemRow[]> =>
      rowsWhere((query) => query.whereIn(column('documentId'), documentIds).orWhereIn(column('sku'), skus)),

    findByIds: (ids: number[]): Promise<StockItemRow[]> => rowsWhere((query) => query.whereIn('i.id', ids)),

    /** Whether a stock item other than `exceptId` has the SKU. */
    async skuTaken(sku: string, exceptId?: number): Promise<boolean> {
      return Boolean(await items().findOne({ where: { sku, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'] }));
    },

    create: (fields: StockItemFields): Promise<Pick<StockItemRow, 'id' | 'documentId'>> =>
      items().create({ data: { ...withNameKey(fields), onHandMilli: '0', reservedMilli: '0' }, select: ['id', 'documentId'] }),

    update: (id: number, fields: StockItemFields) => items().update({ where: { id }, data: withNameKey(fields), select: ['id'] }),

    /** One page of an item's ledger, newest first. */
    async movements(stockItemId: number, page: Page): Promise<[MovementRow[], number]> {
      const where = { stockItem: { id: stockItemId } };
      return Promise.all([
        movements().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: offsetOf(page),
          limit: page.pageSize,
          populate: { order: { select: ['documentId', 'number'] }, invoice: { select: ['documentId', 'number'] } },
        }),
        movements().count({ where }),
      ]);
    },
  };
};
