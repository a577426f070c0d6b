/**
 * An order's lines as the itemised view edits them: every number still the text the user typed,
 * made from the saved lines or a stock item, and sent back as the API takes them.
 */
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import type { OrderItemJson, UpdateOrder } from '../../../../../../shared/contracts/orders';
import { STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import { DEFAULT_VAT_RATE, isVatRate, type VatRate } from '../../../../../../shared/domain/vat';
import { decimalText } from '../../../../ui/format';

/** An order line being edited: every number still the text the user typed, the note too. */
export interface DraftLine extends Pick<
  OrderItemJson,
  'stockItem' | 'sku' | 'name' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent'
> {
  /** Only a manual order's lines are edited, and they carry one of our rates. */
  vatRate: VatRate;
  /** Stable across reordering, so React keeps each row's inputs (and the focus) in place. */
  key: string;
  note: string;
}

export type LineField = 'name' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vatRate' | 'note';
/** What can be changed on a line already in the table. */
export type EditableField = 'quantity' | 'unitPrice' | 'discountPercent' | 'vatRate' | 'note';

export const draftLineOf = (item: OrderItemJson): DraftLine => ({
  key: item.documentId,
  stockItem: item.stockItem,
  sku: item.sku,
  name: item.name,
  quantity: item.quantity,
  unit: item.unit,
  unitPrice: item.unitPrice,
  discountPercent: item.discountPercent,
  vatRate: isVatRate(item.vatRate) ? item.vatRate : DEFAULT_VAT_RATE,
  note: item.note ?? '',
});

export const draftLineFromStock = (stock: StockItemJson, currency: string, key: string): DraftLine => ({
  key,
  stockItem: stock.documentId,
  sku: stock.sku,
  name: stock.name,
  quantity: '1',
  unit: stock.unit,
  // Stock items are priced in the shop's currency: in any other the price is the user's to give.
  unitPrice: currency === STOCK_CURRENCY ? stock.unitPrice : '',
  discountPercent: '0',
  vatRate: stock.vatRate,
  note: '',
});

/** A line as PUT /orders/orders/:id takes it: every field given, the numbers as decimal text. */
export const lineBody = (line: DraftLine): NonNullable<UpdateOrder.Request['items']>[number] => ({
  ...(line.stockItem ? { stockItem: line.stockItem } : {}),
  name: line.name.trim(),
  quantity: decimalText(line.quantity),
  unitPrice: decimalText(line.unitPrice),
  discountPercent: decimalText(line.discountPercent) || '0',
  vatRate: line.vatRate,
  unit: line.unit.trim(),
  note: line.note.trim() || null,
});

/**
 * The SKU column's width in ch: the longest SKU of the order whole (capital letters are wider than
 * the digit a ch measures, hence the 1.2), between a heading's and a width that leaves the name
 * its room; a longer one is cut with an ellipsis and shown whole on hover.
 */
export const skuColumnChars = (skus: ReadonlyArray<string | null>): number => {
  const longest = skus.reduce((most, sku) => Math.max(most, sku?.length ?? 0), 0);
  return Math.min(20, Math.max(11, Math.ceil(longest * 1.2) + 2));
};
