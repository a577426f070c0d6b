/**
 * Turns the lines of an order request into stored line values: a line that names a stock item
 * takes its name, unit, price and VAT from it unless the request gives them.
 */
import type { Core } from '@strapi/strapi';
import type { LineInput } from '../contracts';
import { DecimalFormatError, parseFixed, toBigInt } from '../domain/fixed-point';
import { parseMoney, STOCK_CURRENCY } from '../domain/money';
import { DEFAULT_UNIT, parseQuantity } from '../domain/quantity';
import { DISCOUNT_SCALE } from '../domain/totals';
import type { VatRate } from '../domain/vat';
import { invalidFields, type FieldProblem } from '../errors';
import { UID } from '../uids';

const DEFAULT_VAT_RATE: VatRate = '27';

export interface LineValues {
  position: number;
  stockItem: number | null;
  sku: string | null;
  name: string;
  unit: string;
  quantityMilli: string;
  unitPriceMinor: string;
  discountBasisPoints: number;
  vatRate: VatRate;
  note: string | null;
}

interface StockItemRow {
  id: number;
  documentId: string;
  sku: string;
  name: string;
  unit: string;
  unitPriceMinor: unknown;
  vatRate: VatRate;
}

const findStockItems = async (strapi: Core.Strapi, lines: LineInput[]) => {
  const documentIds = lines.flatMap((line) => (line.stockItem ? [line.stockItem] : []));
  const skus = lines.flatMap((line) => (line.sku ? [line.sku] : []));
  if (!documentIds.length && !skus.length) return { byDocumentId: new Map(), bySku: new Map() };
  const rows: StockItemRow[] = await strapi.db.query(UID.stockItem).findMany({
    where: { $or: [{ documentId: { $in: documentIds } }, { sku: { $in: skus } }] },
    select: ['id', 'documentId', 'sku', 'name', 'unit', 'unitPriceMinor', 'vatRate'],
  });
  return {
    byDocumentId: new Map(rows.map((row) => [row.documentId, row])),
    bySku: new Map(rows.map((row) => [row.sku, row])),
  };
};

export const resolveLines = async (strapi: Core.Strapi, lines: LineInput[], currency: string): Promise<LineValues[]> => {
  const { byDocumentId, bySku } = await findStockItems(strapi, lines);
  const problems: FieldProblem[] = [];
  const at = (index: number, field: string) => `items[${index}].${field}`;

  const values = lines.map((line, index): LineValues | null => {
    const before = problems.length;
    const stock: StockItemRow | undefined = line.stockItem ? byDocumentId.get(line.stockItem) : line.sku ? bySku.get(line.sku) : undefined;
    if (line.stockItem && !stock) problems.push({ path: at(index, 'stockItem'), message: `no stock item ${line.stockItem}` });
    if (line.sku && !stock) problems.push({ path: at(index, 'sku'), message: `no stock item with SKU ${line.sku}` });
    if (!line.name && !stock) problems.push({ path: at(index, 'name'), message: 'is required for a line without a stock item' });

    const unitPriceMinor = unitPriceOf(line, stock, currency, (message) => problems.push({ path: at(index, 'unitPrice'), message }));
    if (unitPriceMinor === null || problems.length > before) return null;

    return {
      position: index,
      stockItem: stock?.id ?? null,
      sku: stock?.sku ?? null,
      name: line.name ?? stock!.name,
      unit: line.unit ?? stock?.unit ?? DEFAULT_UNIT,
      quantityMilli: parseQuantity(line.quantity).toString(),
      unitPriceMinor: unitPriceMinor.toString(),
      discountBasisPoints: Number(line.discountPercent ? parseFixed(line.discountPercent, DISCOUNT_SCALE) : 0n),
      vatRate: line.vatRate ?? stock?.vatRate ?? DEFAULT_VAT_RATE,
      note: line.note ?? null,
    };
  });

  if (problems.length) throw invalidFields(problems);
  return values as LineValues[];
};

const unitPriceOf = (
  line: LineInput,
  stock: StockItemRow | undefined,
  currency: string,
  problem: (message: string) => void
): bigint | null => {
  if (line.unitPrice !== undefined) {
    try {
      return parseMoney(line.unitPrice, currency);
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      problem(`${error.message} (${currency} prices)`);
      return null;
    }
  }
  if (!stock) {
    problem('is required for a line without a stock item');
    return null;
  }
  if (currency !== STOCK_CURRENCY) {
    problem(`is required: stock items are priced in ${STOCK_CURRENCY}, this order is in ${currency}`);
    return null;
  }
  return toBigInt(stock.unitPriceMinor);
};
