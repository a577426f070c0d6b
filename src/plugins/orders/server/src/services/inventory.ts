/**
 * The inventory (Készlet): stock items and the manual movements of their stock. An item's
 * on-hand quantity is never written here directly: its first quantity is its first movement,
 * and after that only movements change it.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts/actor';
import type { CreateStockItemInput, UpdateStockItemInput } from '../../../shared/contracts/inventory';
import { currencyScale, parseMoney, STOCK_CURRENCY } from '../../../shared/domain/money';
import { inertText, toCsv, type Separator } from '../../../shared/domain/csv';
import { OPEN_STATES } from '../../../shared/domain/lifecycle';
import { DEFAULT_UNIT, parseQuantity } from '../../../shared/domain/quantity';
import { invalidField, notFound } from '../errors';
import type { Page } from '../../../shared/contracts/pages';
import { pagination, serializeMovement, serializeStockItem } from '../serializers';
import { UID } from '../uids';
import { getService } from '../utils';

type Row = Record<string, any>;

/** Converts the decimal fields of a request to their stored form. */
const storedFields = (input: UpdateStockItemInput) => {
  const data: Row = {};
  if (input.sku !== undefined) data.sku = input.sku;
  if (input.name !== undefined) data.name = input.name;
  if (input.unit !== undefined) data.unit = input.unit;
  if (input.vatRate !== undefined) data.vatRate = input.vatRate;
  if (input.unitPrice !== undefined) data.unitPriceMinor = priceOf(input.unitPrice).toString();
  if (input.lowStockThreshold !== undefined) {
    data.lowStockThresholdMilli = input.lowStockThreshold === null ? null : parseQuantity(input.lowStockThreshold).toString();
  }
  return data;
};

const priceOf = (unitPrice: string) => {
  try {
    return parseMoney(unitPrice, STOCK_CURRENCY);
  } catch {
    throw invalidField('unitPrice', 'decimals', `"${unitPrice}" is not a whole amount: stock items are priced in ${STOCK_CURRENCY}`, {
      max: currencyScale(STOCK_CURRENCY),
    });
  }
};

const createInventoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const items = () => strapi.db.query(UID.stockItem);

  const findRow = async (documentId: string): Promise<Row> => {
    const item = await items().findOne({ where: { documentId } });
    if (!item) throw notFound('stockItemNotFound', `No stock item ${documentId}`, { id: documentId });
    return item;
  };

  const assertSkuFree = async (sku: string, exceptId?: number) => {
    const taken = await items().findOne({ where: { sku, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'] });
    if (taken) throw invalidField('sku', 'skuTaken', `SKU ${sku} is already used by another stock item`, { sku });
  };

  /** Stock items as the API shows them, with what open orders hold of each. */
  const withHeld = async (rows: Row[]) => {
    const held = await getService(strapi, 'ledger').heldByOrdersIn(OPEN_STATES, rows.map((row) => row.id));
    return rows.map((row) => serializeStockItem(row, held.get(row.id)));
  };

  const book = async (stockItemId: number, delta: bigint, kind: 'initial' | 'adjustment', reason: string, actor: Actor) => {
    const settings = await getService(strapi, 'settings').get();
    await getService(strapi, 'ledger').apply([{ stockItemId, delta, kind, reason }], actor, settings);
  };

  return {
    async list({ q, ...page }: Page & { q?: string }) {
      const where = q ? { $or: [{ sku: { $containsi: q } }, { name: { $containsi: q } }] } : {};
      const [rows, total] = await Promise.all([
        items().findMany({ where, orderBy: { sku: 'asc' }, offset: (page.page - 1) * page.pageSize, limit: page.pageSize }),
        items().count({ where }),
      ]);
      return { data: await withHeld(rows), meta: pagination(page, total) };
    },

    async get(documentId: string) {
      const [item] = await withHeld([await findRow(documentId)]);
      return item;
    },

    /** Every stock item as a spreadsheet. */
    async exportCsv(separator: Separator) {
      const rows = await withHeld(await items().findMany({ orderBy: { sku: 'asc' } }));
      return toCsv(
        ['sku', 'name', 'unit', 'unitPrice', 'vatRate', 'onHand', 'held', 'lowStockThreshold'],
        rows.map((item) => [
          inertText(item.sku),
          inertText(item.name),
          inertText(item.unit),
          item.unitPrice,
          item.vatRate,
          item.onHand,
          item.held,
          item.lowStockThreshold ?? '',
        ]),
        separator
      );
    },

    async create(input: CreateStockItemInput, actor: Actor) {
      const documentId = await strapi.db.transaction(async () => {
        await assertSkuFree(input.sku);
        const item = await items().create({
          data: { unit: DEFAULT_UNIT, ...storedFields(input), onHandMilli: '0' },
          select: ['id', 'documentId'],
        });
        const initial = input.onHand === undefined ? 0n : parseQuantity(input.onHand);
        if (initial > 0n) await book(item.id, initial, 'initial', 'initial quantity', actor);
        return item.documentId as string;
      });
      return this.get(documentId);
    },

    /** Name, price, VAT, unit, SKU and threshold; never the quantity on hand. */
    async update(documentId: string, input: UpdateStockItemInput) {
      await strapi.db.transaction(async () => {
        const item = await findRow(documentId);
        if (input.sku !== undefined && input.sku !== item.sku) await assertSkuFree(input.sku, item.id);
        await items().update({ where: { id: item.id }, data: storedFields(input), select: ['id'] });
      });
      return this.get(documentId);
    },

    /** Goods received, a stocktake, breakage: a signed change with the reason it happened. */
    async adjust(documentId: string, { delta, reason }: { delta: string; reason: string }, actor: Actor) {
      const item = await findRow(documentId);
      await book(item.id, parseQuantity(delta), 'adjustment', reason, actor);
      return this.get(documentId);
    },

    async movements(documentId: string, page: Page) {
      const item = await findRow(documentId);
      const where = { stockItem: { id: item.id } };
      const movements = strapi.db.query(UID.stockMovement);
      const [rows, total] = await Promise.all([
        movements.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page.page - 1) * page.pageSize,
          limit: page.pageSize,
          populate: { order: { select: ['documentId', 'number'] } },
        }),
        movements.count({ where }),
      ]);
      return { data: rows.map(serializeMovement), meta: pagination(page, total) };
    },
  };
};

export default createInventoryService;
