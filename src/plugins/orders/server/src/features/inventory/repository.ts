/** The stock items' queries (the ledger's SQL is in ledger-repository.ts). */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { MovementCause, MovementKind } from '../../../../shared/contracts/inventory';
import type { Page } from '../../../../shared/contracts/pages';
import type { VatRate } from '../../../../shared/domain/vat';
import type { StoredDate, StoredInteger } from '../../core/database';
import { offsetOf } from '../../core/pages';
import { UID } from '../../core/uids';

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

export const stockItemsRepository = (strapi: Core.Strapi) => {
  const items = () => strapi.db.query(UID.stockItem);
  const movements = () => strapi.db.query(UID.stockMovement);
  const searching = (q?: string) => (q ? { $or: [{ sku: { $containsi: q } }, { name: { $containsi: q } }] } : {});

  return {
    /** One page by SKU, and the count of all that match. */
    async page(q: string | undefined, page: Page): Promise<[StockItemRow[], number]> {
      const where = searching(q);
      return Promise.all([
        items().findMany({ where, orderBy: { sku: 'asc' }, offset: offsetOf(page), limit: page.pageSize }),
        items().count({ where }),
      ]);
    },

    all: (): Promise<StockItemRow[]> => items().findMany({ orderBy: { sku: 'asc' } }),

    find: (documentId: string): Promise<StockItemRow | null> => items().findOne({ where: { documentId } }),

    /** Those named by documentId or SKU, as an order's lines name them. */
    findNamed: (documentIds: string[], skus: string[]): Promise<StockItemRow[]> =>
      items().findMany({ where: { $or: [{ documentId: { $in: documentIds } }, { sku: { $in: skus } }] } }),

    findByIds: (ids: number[]): Promise<StockItemRow[]> => items().findMany({ where: { id: { $in: ids } } }),

    /** Whether a stock item other than `exceptId` has the SKU. */
    async skuTaken(sku: string, exceptId?: number): Promise<boolean> {
      return Boolean(await items().findOne({ where: { sku, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'] }));
    },

    create: (fields: StockItemFields): Promise<Pick<StockItemRow, 'id' | 'documentId'>> =>
      items().create({ data: { ...fields, onHandMilli: '0' }, select: ['id', 'documentId'] }),

    update: (id: number, fields: StockItemFields) => items().update({ where: { id }, data: fields, select: ['id'] }),

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
