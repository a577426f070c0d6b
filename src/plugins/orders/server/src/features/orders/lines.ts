/**
 * Turns the lines of an order request into stored line values: a line that names a stock item
 * takes its name, unit, price and VAT from it unless the request gives them.
 */
import type { Core } from '@strapi/strapi';
import type { FieldProblem, Problem } from '../../../../shared/contracts/errors';
import type { LineInput } from '../../../../shared/contracts/orders';
import { DecimalFormatError, parseFixed, toBigInt } from '../../../../shared/domain/fixed-point';
import { DEFAULT_UNIT, parseQuantity } from '../../../../shared/domain/quantity';
import { fitsUnit, isWholeQuantity, notWhole } from '../../../../shared/domain/units';
import { formatMoney, parseMoney, STOCK_CURRENCY } from '../../../../shared/domain/money';
import {
  DISCOUNT_SCALE,
  lineAmounts,
  MAX_AMOUNT_MINOR,
  orderTotals,
  withinAmountLimit,
  type PricedLine,
} from '../../../../shared/domain/totals';
import { DEFAULT_VAT_RATE } from '../../../../shared/domain/vat';
import { invalidField, invalidFields } from '../../core/errors';
import { getService } from '../../core/service';
import type { StockItemRow } from '../inventory/repository';
import type { LineData } from './repository';

type StoredPrice = Pick<LineData, 'quantityMilli' | 'unitPriceMinor' | 'discountBasisPoints' | 'vatRate'> &
  Partial<Pick<LineData, 'shopNetMinor' | 'shopVatMinor' | 'shopGrossMinor'>>;

/** What a line typed in the admin has none of: it is a product line, and its amounts are ours to compute. */
const MANUAL_LINE = { kind: 'product', externalId: null, shopNetMinor: null, shopVatMinor: null, shopGrossMinor: null } as const;

/** A stored line as the domain prices it; a webshop's line comes to what the shop said. */
export const pricedLine = (line: StoredPrice): PricedLine => ({
  quantityMilli: toBigInt(line.quantityMilli),
  unitPriceMinor: toBigInt(line.unitPriceMinor),
  discountBasisPoints: toBigInt(line.discountBasisPoints),
  vatRate: line.vatRate,
  ...(line.shopGrossMinor !== null && line.shopGrossMinor !== undefined
    ? { given: { net: toBigInt(line.shopNetMinor), vat: toBigInt(line.shopVatMinor), gross: toBigInt(line.shopGrossMinor) } }
    : {}),
});

/** What a refusal for coming to too much says of the limit, in the order's currency. */
const limitOf = (currency: string) => ({ limit: formatMoney(MAX_AMOUNT_MINOR, currency) });

/** The stock items the lines name, by documentId and by SKU. */
const findStockItems = async (strapi: Core.Strapi, lines: LineInput[]) => {
  const documentIds = lines.flatMap((line) => (line.stockItem ? [line.stockItem] : []));
  const skus = lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const rows = documentIds.length || skus.length ? await getService(strapi, 'inventory').named(documentIds, skus) : [];
  return {
    byDocumentId: new Map(rows.map((row) => [row.documentId, row])),
    bySku: new Map(rows.map((row) => [row.sku, row])),
  };
};

export const resolveLines = async (strapi: Core.Strapi, lines: LineInput[], currency: string): Promise<LineData[]> => {
  const { byDocumentId, bySku } = await findStockItems(strapi, lines);
  // Only a fraction can be refused for its unit: the settings' units are read for one.
  const fractions = lines.some((line) => !isWholeQuantity(parseQuantity(line.quantity)));
  const units = fractions ? (await getService(strapi, 'settings').get()).units : [];
  const problems: FieldProblem[] = [];

  const values = lines.map((line, index): LineData | null => {
    const problem = (field: string, { code, message, values }: Problem) => {
      problems.push({ path: `items[${index}].${field}`, code, message, values });
      return null;
    };
    const stock = line.stockItem ? byDocumentId.get(line.stockItem) : line.sku ? bySku.get(line.sku) : undefined;
    if (line.stockItem && !stock) {
      const values = { stockItem: line.stockItem };
      return problem('stockItem', { code: 'unknownStockItem', message: `no stock item ${line.stockItem}`, values });
    }
    if (line.sku && !stock) {
      return problem('sku', { code: 'unknownSku', message: `no stock item with SKU ${line.sku}`, values: { sku: line.sku } });
    }

    const before = problems.length;
    if (!stock && !line.name) problem('name', { code: 'required', message: 'is required for a line without a stock item' });
    const unitPrice = unitPriceOf(line, stock, currency);
    if (typeof unitPrice !== 'bigint') problem('unitPrice', unitPrice);
    const unit = line.unit ?? stock?.unit ?? DEFAULT_UNIT;
    const quantity = parseQuantity(line.quantity);
    if (!fitsUnit(quantity, unit, units)) problem('quantity', notWhole(unit));
    if (problems.length > before || typeof unitPrice !== 'bigint') return null;

    const value: LineData = {
      position: index,
      stockItem: stock?.id ?? null,
      sku: stock?.sku ?? null,
      name: line.name ?? stock!.name,
      unit,
      quantityMilli: quantity.toString(),
      unitPriceMinor: unitPrice.toString(),
      discountBasisPoints: Number(line.discountPercent ? parseFixed(line.discountPercent, DISCOUNT_SCALE) : 0n),
      vatRate: line.vatRate ?? stock?.vatRate ?? DEFAULT_VAT_RATE,
      note: line.note ?? null,
      ...MANUAL_LINE,
    };
    // Each field has its limit; their product may still overflow what the database keeps.
    if (!withinAmountLimit(lineAmounts(pricedLine(value)))) {
      const { limit } = limitOf(currency);
      problems.push({
        path: `items[${index}]`,
        code: 'lineTooLarge',
        message: `comes to more than ${limit} ${currency}`,
        values: { limit },
      });
      return null;
    }
    return value;
  });

  if (problems.length) throw invalidFields(problems);
  const resolved = values as LineData[];
  if (!withinAmountLimit(orderTotals(resolved.map(pricedLine)))) {
    const { limit } = limitOf(currency);
    throw invalidField('items', 'orderTooLarge', `the order comes to more than ${limit} ${currency}`, { limit });
  }
  return resolved;
};

/** The line's price in the order's currency, or what is wrong with it. */
const unitPriceOf = (line: LineInput, stock: StockItemRow | undefined, currency: string): bigint | Problem => {
  if (line.unitPrice !== undefined) {
    try {
      return parseMoney(line.unitPrice, currency);
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      return { code: error.code, message: `${error.message} (${currency} prices)`, values: error.values };
    }
  }
  if (!stock) return { code: 'required', message: 'is required for a line without a stock item' };
  if (currency !== STOCK_CURRENCY) {
    return {
      code: 'priceInOrderCurrency',
      message: `is required: stock items are priced in ${STOCK_CURRENCY}, this order is in ${currency}`,
      values: { stockCurrency: STOCK_CURRENCY, currency },
    };
  }
  return toBigInt(stock.unitPriceMinor);
};
