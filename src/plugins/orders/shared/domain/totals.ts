import { divideRoundHalfUp } from './fixed-point';
import { THOUSANDTHS_PER_UNIT } from './quantity';
import { VAT_RATES, vatPercent, type VatRate } from './vat';

/** A discount is kept in hundredths of a percent: 12.5 % is 1250, 100 % is 10000. */
export const DISCOUNT_SCALE = 2;
export const FULL_DISCOUNT = 10_000n;

/**
 * A line's VAT rate: one of ours (VAT_RATES) on a manual order; on a webshop's, the shop's
 * percentage as text ("27", "5", "20", "5.5"), whatever it used.
 */
export type LineVatRate = VatRate | (string & {});

export interface PricedLine {
  quantityMilli: bigint;
  unitPriceMinor: bigint;
  discountBasisPoints: bigint;
  vatRate: LineVatRate;
  /** The amounts a webshop computed for the line: they are the line's, to the minor unit. */
  given?: Amounts;
}

export interface Amounts {
  net: bigint;
  vat: bigint;
  gross: bigint;
}

/**
 * net = quantity × unit price × (1 − discount), VAT = net × rate, each rounded half-up at the line
 * to the currency's minor unit, as Hungarian invoices require.
 */
export const lineAmounts = (line: PricedLine): Amounts => {
  if (line.given) return line.given;
  const net = divideRoundHalfUp(
    line.quantityMilli * line.unitPriceMinor * (FULL_DISCOUNT - line.discountBasisPoints),
    THOUSANDTHS_PER_UNIT * FULL_DISCOUNT
  );
  const vat = divideRoundHalfUp(net * vatPercent(line.vatRate), 100n);
  return { net, vat, gross: net + vat };
};

/**
 * The most, in the currency's minor unit, that a line or an order may come to, net, VAT or gross,
 * either sign: 10^15 (a thousand trillion forints). Every stored amount then stays exact as a
 * JavaScript number (below 2^53: SQLite's driver answers integers as numbers) and far inside the
 * databases' 64-bit integers.
 */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

/** Whether net, VAT and gross all stay below MAX_AMOUNT_MINOR. */
export const withinAmountLimit = ({ net, vat, gross }: Amounts): boolean =>
  [net, vat, gross].every((amount) => (amount < 0n ? -amount : amount) < MAX_AMOUNT_MINOR);

export interface Totals extends Amounts {
  byVatRate: Array<Amounts & { vatRate: LineVatRate }>;
}

/** Our rates in their order (27, 18, 5, 0, then the codes), then a shop's other percentages, highest first. */
export const byRateOrder = (a: string, b: string) => {
  const [ia, ib] = [VAT_RATES.indexOf(a as VatRate), VAT_RATES.indexOf(b as VatRate)];
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return Number(b) - Number(a);
};

/** Order totals are sums of the rounded lines, with one row per VAT rate in use. */
export const orderTotals = (lines: PricedLine[]): Totals => {
  const byRate = new Map<LineVatRate, Amounts>();
  for (const line of lines) {
    const amounts = lineAmounts(line);
    byRate.set(line.vatRate, add(byRate.get(line.vatRate) ?? zero(), amounts));
  }
  const byVatRate = [...byRate.keys()].sort(byRateOrder).map((vatRate) => ({ vatRate, ...byRate.get(vatRate)! }));
  return { ...byVatRate.reduce<Amounts>(add, zero()), byVatRate };
};

const zero = (): Amounts => ({ net: 0n, vat: 0n, gross: 0n });
const add = (a: Amounts, b: Amounts): Amounts => ({ net: a.net + b.net, vat: a.vat + b.vat, gross: a.gross + b.gross });
