/**
 * A webshop's lines as the engine stores them: the shop's amounts rounded to the currency's
 * minor unit, its VAT percentage as it used it, and a stock item wherever the SKU is in the
 * inventory. A SKU that is not keeps the line free, with its SKU, for a replay to link later.
 */
import type { NormalizedLine, NormalizedOrder } from '../../../../shared/contracts/normalized-order';
import { MAX_QUANTITY } from '../../../../shared/contracts/fields';
import { DecimalFormatError, formatFixed, parseRounded } from '../../../../shared/domain/fixed-point';
import { currencyScale } from '../../../../shared/domain/money';
import { DEFAULT_UNIT, QUANTITY_SCALE, THOUSANDTHS_PER_UNIT } from '../../../../shared/domain/quantity';
import { DISCOUNT_SCALE, FULL_DISCOUNT, MAX_AMOUNT_MINOR, withinAmountLimit, type Amounts } from '../../../../shared/domain/totals';
import type { StockItemRow } from '../inventory/repository';
import type { LineData } from './repository';

/** Why a shop's order cannot be applied, named as the inbox shows it. */
export class ShopOrderError extends Error {
  constructor(
    readonly code: 'badQuantity' | 'notANumber' | 'amountTooLarge',
    message: string,
    readonly path: string
  ) {
    super(`${path}: ${message}`);
  }
}

const decimal = (text: string, scale: number, path: string) => {
  try {
    return parseRounded(text, scale);
  } catch (error) {
    if (error instanceof DecimalFormatError) throw new ShopOrderError('notANumber', `"${text}" is not a number`, path);
    throw error;
  }
};

/** "27", "5.5": the shop's percentage to two decimals, without trailing zeros. */
const percentText = (text: string, path: string) => formatFixed(decimal(text, 2, path), 2, { trim: true });

const quantityOf = (line: NormalizedLine, path: string) => {
  const milli = decimal(line.quantity, QUANTITY_SCALE, `${path}.quantity`);
  if (milli <= 0n || milli >= MAX_QUANTITY * THOUSANDTHS_PER_UNIT) {
    throw new ShopOrderError('badQuantity', `${line.quantity} is not a quantity an order can have`, `${path}.quantity`);
  }
  return milli;
};

const amountsOf = (line: NormalizedLine, scale: number, path: string): Amounts => {
  const amounts = {
    net: decimal(line.net, scale, `${path}.net`),
    vat: decimal(line.vat, scale, `${path}.vat`),
    gross: decimal(line.gross, scale, `${path}.gross`),
  };
  if (!withinAmountLimit(amounts)) throw new ShopOrderError('amountTooLarge', 'comes to more than any order may', path);
  return amounts;
};

export const shopLines = (order: NormalizedOrder, bySku: Map<string, StockItemRow>): LineData[] => {
  const scale = currencyScale(order.currency);
  return order.lines.map((line, position) => {
    const path = `lines[${position}]`;
    const stock = line.kind === 'product' && line.sku ? bySku.get(line.sku) : undefined;
    const discount = line.discountPercent ? decimal(line.discountPercent, DISCOUNT_SCALE, `${path}.discountPercent`) : 0n;
    const { net, vat, gross } = amountsOf(line, scale, path);
    return {
      position,
      stockItem: stock?.id ?? null,
      sku: line.sku,
      name: line.name,
      unit: line.unit ?? stock?.unit ?? DEFAULT_UNIT,
      quantityMilli: quantityOf(line, path).toString(),
      unitPriceMinor: decimal(line.unitNet, scale, `${path}.unitNet`).toString(),
      discountBasisPoints: Number(discount < 0n ? 0n : discount > FULL_DISCOUNT ? FULL_DISCOUNT : discount),
      vatRate: percentText(line.vatPercent, `${path}.vatPercent`),
      note: null,
      kind: line.kind,
      externalId: line.externalId,
      shopNetMinor: net.toString(),
      shopVatMinor: vat.toString(),
      shopGrossMinor: gross.toString(),
    };
  });
};

/** What the shop says the order comes to; net and VAT, where it gives none, are the lines' sums. */
export const shopTotals = (order: NormalizedOrder, lines: LineData[]): Amounts => {
  const scale = currencyScale(order.currency);
  const sum = (pick: (line: LineData) => LineData['shopNetMinor']) => lines.reduce((total, line) => total + BigInt(pick(line)!), 0n);
  const totals = {
    net: order.totals.net === null ? sum((line) => line.shopNetMinor) : decimal(order.totals.net, scale, 'totals.net'),
    vat: order.totals.vat === null ? sum((line) => line.shopVatMinor) : decimal(order.totals.vat, scale, 'totals.vat'),
    gross: decimal(order.totals.gross, scale, 'totals.gross'),
  };
  if (!withinAmountLimit(totals))
    throw new ShopOrderError('amountTooLarge', `comes to more than ${MAX_AMOUNT_MINOR} minor units`, 'totals');
  return totals;
};

/** Whether the stored lines already are `lines`: a delivery that changes nothing rewrites nothing. */
export const sameLines = (stored: Array<Omit<LineData, 'stockItem'> & { stockItem: { id: number } | null }>, lines: LineData[]) =>
  stored.length === lines.length &&
  [...stored]
    .sort((a, b) => a.position - b.position)
    .every((item, index) => {
      const line = lines[index];
      return (
        (item.stockItem?.id ?? null) === line.stockItem &&
        (['sku', 'name', 'unit', 'vatRate', 'kind', 'externalId'] as const).every((key) => (item[key] ?? null) === line[key]) &&
        (['quantityMilli', 'unitPriceMinor', 'discountBasisPoints', 'shopNetMinor', 'shopVatMinor', 'shopGrossMinor'] as const).every(
          (key) => String(item[key] ?? '') === String(line[key] ?? '')
        )
      );
    });
