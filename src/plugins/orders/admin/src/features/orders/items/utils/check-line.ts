/**
 * Checks and prices the lines being edited, free of React, with the server's own domain modules,
 * so that the live totals are the ones the server will compute, to the forint.
 */
import type { Problem } from '../../../../../../shared/contracts/errors';
import { DecimalFormatError, parseFixed } from '../../../../../../shared/domain/fixed-point';
import { currencyScale, formatMoney as moneyText, parseMoney } from '../../../../../../shared/domain/money';
import { parseQuantity, QUANTITY_SCALE } from '../../../../../../shared/domain/quantity';
import { DISCOUNT_SCALE, lineAmounts, orderTotals, type Amounts, type PricedLine } from '../../../../../../shared/domain/totals';
import type { LineVatRate } from '../../../../../../shared/domain/totals';
import { fitsUnit, notWhole, type Unit } from '../../../../../../shared/domain/units';
import { decimalText } from '../../../../ui/format';
import type { DraftLine, LineField } from './lines';

/**
 * Why each field's text is not usable: a Problem in the codes and values of the server's field
 * errors, so that one translation words both (ui/errors.ts). The admin words its own checks, so
 * they go without the server's English message.
 */
export type LineProblems = Partial<Record<LineField, Omit<Problem, 'message'>>>;

/** Decimal strings in the order's currency, as the API speaks them. */
export interface AmountTexts {
  net: string;
  vat: string;
  gross: string;
}

export interface CheckedLine {
  /** The line as the totals count it; null while one of its fields does not parse. */
  priced: PricedLine | null;
  amounts: AmountTexts | null;
  problems: LineProblems;
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

const readDecimal = (typed: string, parse: (text: string) => bigint, maxDecimals: number): bigint | Omit<Problem, 'message'> => {
  const text = decimalText(typed);
  if (!text) return { code: 'required' };
  if (!DECIMAL.test(text)) return { code: 'notNumber' };
  try {
    return parse(text);
  } catch (error) {
    // The text is a number, so the only thing parseFixed can object to is its precision.
    if (error instanceof DecimalFormatError) return { code: 'decimals', values: { max: maxDecimals } };
    throw error;
  }
};

const ONE_HUNDRED_PERCENT = 100n * 10n ** BigInt(DISCOUNT_SCALE);

const texts = ({ net, vat, gross }: Amounts, currency: string): AmountTexts => ({
  net: moneyText(net, currency),
  vat: moneyText(vat, currency),
  gross: moneyText(gross, currency),
});

/** A fraction of a unit counted in whole pieces ("2,5 db"), as the server refuses it. */
const notWholeProblem = (unit: string): Omit<Problem, 'message'> => {
  const { message: _english, ...problem } = notWhole(unit.trim());
  return problem;
};

/**
 * Checks a line as the server will, and prices it when every number parses. `units` are the
 * settings' (which say which units count whole pieces); without them (a role that may not read
 * the settings) a fraction of a piece is left to the server to refuse at save.
 */
export const checkLine = (line: DraftLine, currency: string, units: readonly Unit[] = []): CheckedLine => {
  const problems: LineProblems = {};

  const quantity = readDecimal(line.quantity, parseQuantity, QUANTITY_SCALE);
  if (typeof quantity !== 'bigint') problems.quantity = quantity;
  else if (quantity <= 0n) problems.quantity = { code: 'notPositive' };
  else if (!fitsUnit(quantity, line.unit, units)) problems.quantity = notWholeProblem(line.unit);

  const unitPrice = readDecimal(line.unitPrice, (text) => parseMoney(text, currency), currencyScale(currency));
  if (typeof unitPrice !== 'bigint') problems.unitPrice = unitPrice;

  // An empty discount means none.
  const discount = decimalText(line.discountPercent)
    ? readDecimal(line.discountPercent, (text) => parseFixed(text, DISCOUNT_SCALE), DISCOUNT_SCALE)
    : 0n;
  if (typeof discount !== 'bigint') problems.discountPercent = discount;
  else if (discount < 0n || discount > ONE_HUNDRED_PERCENT) problems.discountPercent = { code: 'percent' };

  if (!line.stockItem && !line.name.trim()) problems.name = { code: 'required' };
  if (!line.unit.trim()) problems.unit = { code: 'required' };

  if (
    typeof quantity !== 'bigint' ||
    typeof unitPrice !== 'bigint' ||
    typeof discount !== 'bigint' ||
    problems.quantity ||
    problems.discountPercent
  ) {
    return { priced: null, amounts: null, problems };
  }
  const priced: PricedLine = { quantityMilli: quantity, unitPriceMinor: unitPrice, discountBasisPoints: discount, vatRate: line.vatRate };
  return { priced, amounts: texts(lineAmounts(priced), currency), problems };
};

export const hasProblems = (checked: CheckedLine): boolean => Object.keys(checked.problems).length > 0;

export interface TotalsTexts extends AmountTexts {
  byVatRate: Array<AmountTexts & { vatRate: LineVatRate }>;
  /** Lines left out because a field does not parse yet. */
  leftOut: number;
}

/** The order's totals over the lines that parse, computed once per change. */
export const totalsOf = (checked: CheckedLine[], currency: string): TotalsTexts => {
  const priced = checked.flatMap((line) => (line.priced ? [line.priced] : []));
  const totals = orderTotals(priced);
  return {
    ...texts(totals, currency),
    byVatRate: totals.byVatRate.map((row) => ({ vatRate: row.vatRate, ...texts(row, currency) })),
    leftOut: checked.length - priced.length,
  };
};
