/**
 * The inventory (Készlet): stock items and the manual movements of their stock. An item's
 * on-hand quantity is never written here directly: its first quantity is its first movement,
 * and after that only movements change it.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type {
  AdjustmentInput,
  CreateStockItemInput,
  ExportQuery,
  StockItemJson,
  StockItemListQuery,
  UpdateStockItemInput,
} from '../../../../shared/contracts/inventory';
import type { Page } from '../../../../shared/contracts/pages';
import { csvHeader, csvNumber, inertText, toCsv, type CsvColumn } from '../../../../shared/domain/csv';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { currencyScale, parseMoney, STOCK_CURRENCY } from '../../../../shared/domain/money';
import { DEFAULT_UNIT, formatQuantity, parseQuantity } from '../../../../shared/domain/quantity';
import { fitsUnit, isWholeQuantity, notWhole } from '../../../../shared/domain/units';
import { lockByDocumentId } from '../../core/database';
import { invalidField, invalidFields, notFound } from '../../core/errors';
import { pagination } from '../../core/pages';
import { getService } from '../../core/service';
import { violates } from '../../core/unique';
import { UID } from '../../core/uids';
import { stockItemsRepository, type StockItemFields, type StockItemRow } from './repository';
import { serializeMovement, serializeStockItem } from './serializer';

/** Converts the decimal fields of a request to their stored form. */
const storedFields = (input: UpdateStockItemInput): StockItemFields => {
  const fields: StockItemFields = {};
  if (input.sku !== undefined) fields.sku = input.sku;
  if (input.name !== undefined) fields.name = input.name;
  if (input.unit !== undefined) fields.unit = input.unit;
  if (input.vatRate !== undefined) fields.vatRate = input.vatRate;
  if (input.unitPrice !== undefined) fields.unitPriceMinor = priceOf(input.unitPrice).toString();
  if (input.lowStockThreshold !== undefined) {
    fields.lowStockThresholdMilli = input.lowStockThreshold === null ? null : parseQuantity(input.lowStockThreshold).toString();
  }
  return fields;
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

/** No two stock items share a SKU: an order line names its item by it. */
export const SKU_INDEX = { uid: UID.stockItem, attribute: 'sku' };

/** The inventory spreadsheet's columns, named as the admin names them. */
const CSV_COLUMNS: CsvColumn[] = [
  { en: 'SKU', hu: 'Cikkszám' },
  { en: 'Name', hu: 'Megnevezés' },
  { en: 'Unit', hu: 'Egység' },
  { en: 'Unit price (net)', hu: 'Nettó egységár' },
  { en: 'VAT rate', hu: 'ÁFA-kulcs' },
  { en: 'Physical stock', hu: 'Fizikai készlet' },
  { en: 'Reserved', hu: 'Foglalt' },
  { en: 'Available', hu: 'Szabad készlet' },
  { en: 'Low-stock threshold', hu: 'Alacsony készlet határa' },
];

const createInventoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const items = stockItemsRepository(strapi);
  const ledger = () => getService(strapi, 'ledger');

  const noItem = (documentId: string) => notFound('stockItemNotFound', `No stock item ${documentId}`, { id: documentId });

  const findRow = async (documentId: string): Promise<StockItemRow> => {
    const item = await items.find(documentId);
    if (!item) throw noItem(documentId);
    return item;
  };

  const skuTaken = (sku: string) => invalidField('sku', 'skuTaken', `SKU ${sku} is already used by another stock item`, { sku });

  /**
   * Writes a stock item's SKU: checked first, for the common case; the unique index refuses the
   * second of two requests that both found it free.
   */
  const withSku = async <T>(sku: string | undefined, exceptId: number | undefined, write: () => Promise<T>): Promise<T> => {
    if (sku !== undefined && (await items.skuTaken(sku, exceptId))) throw skuTaken(sku);
    try {
      return await write();
    } catch (error) {
      if (sku !== undefined && violates(strapi, error, SKU_INDEX)) throw skuTaken(sku);
      throw error;
    }
  };

  const settings = () => getService(strapi, 'settings').get();

  /** Refuses, each at its field, the quantities given that are fractions of a unit counted whole. */
  const refuseFractions = async (unit: string, quantities: Record<string, string | null | undefined>) => {
    const given = Object.entries(quantities).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !isWholeQuantity(parseQuantity(entry[1]))
    );
    // Only a fraction can be refused for its unit: the settings are read for one.
    if (!given.length) return;
    const { units } = await settings();
    const problems = given.filter(([, quantity]) => !fitsUnit(parseQuantity(quantity), unit, units));
    if (problems.length) throw invalidFields(problems.map(([path]) => ({ path, ...notWhole(unit) })));
  };

  /** Books a change of the item's stock (an adjustment with the user's reason); answers the item's balance after. */
  const book = async (stockItemId: number, delta: bigint, kind: 'initial' | 'adjustment', reason: string | undefined, actor: Actor) => {
    // Goods received cannot go short: whether stock may go below zero is read for a decrease only.
    const { allowNegativeStock } = delta < 0n ? await settings() : { allowNegativeStock: false };
    const [after] = await ledger().apply([{ stockItemId, delta, kind, reason }], actor, { allowNegativeStock });
    return after;
  };

  return {
    async list({ q, lowStock, sort, page, pageSize }: StockItemListQuery) {
      const [rows, total] = await items.page({ q, lowStock }, sort, { page, pageSize });
      return { data: rows.map(serializeStockItem), meta: pagination({ page, pageSize }, total) };
    },

    async get(documentId: string) {
      return serializeStockItem(await findRow(documentId));
    },

    /** The stock items an order's lines name, by documentId or SKU, as stored. */
    named: (documentIds: string[], skus: string[]) => items.findNamed(documentIds, skus),

    /** Stock items by id, as stored. */
    byIds: (ids: number[]) => items.findByIds(ids),

    /** Every stock item as a spreadsheet, in the reader's language. */
    async exportCsv({ separator, language }: ExportQuery) {
      const rows = (await items.all()).map(serializeStockItem);
      const number = (value: string) => csvNumber(value, language);
      return toCsv(
        csvHeader(CSV_COLUMNS, language),
        rows.map((item) => [
          inertText(item.sku),
          inertText(item.name),
          inertText(item.unit),
          number(item.unitPrice),
          item.vatRate,
          number(item.physical),
          number(item.reserved),
          number(item.onHand),
          item.lowStockThreshold === null ? '' : number(item.lowStockThreshold),
        ]),
        separator
      );
    },

    async create(input: CreateStockItemInput, actor: Actor) {
      await refuseFractions(input.unit ?? DEFAULT_UNIT, { onHand: input.onHand, lowStockThreshold: input.lowStockThreshold });
      const documentId = await strapi.db.transaction(async () => {
        const item = await withSku(input.sku, undefined, () => items.create({ unit: DEFAULT_UNIT, ...storedFields(input) }));
        const initial = input.onHand === undefined ? 0n : parseQuantity(input.onHand);
        if (initial > 0n) await book(item.id, initial, 'initial', undefined, actor);
        return item.documentId;
      });
      return this.get(documentId);
    },

    /** Name, price, VAT, unit, SKU and threshold; never the quantity on hand. */
    async update(documentId: string, input: UpdateStockItemInput) {
      await strapi.db.transaction(async () => {
        const item = await findRow(documentId);
        const threshold = item.lowStockThresholdMilli == null ? null : formatQuantity(toBigInt(item.lowStockThresholdMilli));
        // An item moved to a unit counted whole must not be left holding a fraction of it.
        await refuseFractions(input.unit ?? item.unit, {
          lowStockThreshold: input.lowStockThreshold === undefined ? threshold : input.lowStockThreshold,
          ...(input.unit !== undefined && { unit: formatQuantity(toBigInt(item.onHandMilli)) }),
        });
        await withSku(input.sku === item.sku ? undefined : input.sku, item.id, () => items.update(item.id, storedFields(input)));
      });
      return this.get(documentId);
    },

    /**
     * Goods received, breakage: a signed change; a stocktake: the physical stock counted, and the
     * ledger books the difference. With the reason, in one transaction; answered with the figures
     * the ledger's UPDATE returned, not read back. A count that finds what the ledger says books nothing.
     */
    async adjust(documentId: string, { delta, counted, reason }: AdjustmentInput, actor: Actor) {
      const adjusted = await strapi.db.transaction(async ({ trx }) => {
        // Two stocktakes of one item at once must not both book the same difference.
        if (counted !== undefined) await lockByDocumentId(strapi, trx, UID.stockItem, documentId);
        const item = await findRow(documentId);
        await refuseFractions(item.unit, { delta, counted });
        const before = toBigInt(item.onHandMilli);
        const change = counted === undefined ? parseQuantity(delta!) : parseQuantity(counted) - before - toBigInt(item.reservedMilli ?? 0);
        if (change === 0n) return serializeStockItem(item);
        const after = await book(item.id, change, 'adjustment', reason, actor);
        return serializeStockItem({ ...item, onHandMilli: after.onHand.toString(), reservedMilli: after.reserved?.toString() ?? null });
      });
      return adjusted as StockItemJson;
    },

    async movements(documentId: string, page: Page) {
      const item = await findRow(documentId);
      const [rows, total] = await items.movements(item.id, page);
      return { data: rows.map(serializeMovement), meta: pagination(page, total) };
    },
  };
};

export default createInventoryService;
