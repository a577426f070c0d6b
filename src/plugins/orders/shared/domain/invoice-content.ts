/**
 * What an invoice says about money: its lines as the order priced them (each line rounded once,
 * at the order), the VAT percentage or the exemption of each, the summary per VAT rate, the
 * totals, and — for every amount — its value in whole forints at the invoice's exchange rate, as
 * Áfa tv. 80. § and NAV's …HUF elements ask of an invoice in a foreign currency. A storno says
 * the same with every quantity and amount negated. Pure: no Strapi, and never a float.
 */
import type {
  HufAmountsJson,
  InvoiceAmountsJson,
  InvoiceLineJson,
  InvoiceTotalsJson,
  InvoiceVatSummaryJson,
  VatExemption,
} from '../contracts/invoices';
import { EXCHANGE_RATE_SCALE } from '../contracts/invoices';
import { divideRoundHalfUp, formatFixed, parseFixed } from './fixed-point';
import { currencyScale, DEFAULT_CURRENCY, formatMoney, parseMoney } from './money';
import { byRateOrder, type LineVatRate } from './totals';
import { isExemptVatRate, VAT_EXEMPTIONS } from './vat';

/** An order line as the invoice takes it: the order's JSON of the line. */
export interface InvoiceSourceLine extends InvoiceAmountsJson {
  name: string;
  sku: string | null;
  stockItem: string | null;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: LineVatRate;
  note: string | null;
}

/** The exchange rate of an invoice in forints. */
export const HUF_RATE = '1';

/** "27" → "0.27", "5.5" → "0.055": NAV's vatPercentage is a fraction. Null for an exempt code. */
export const vatFraction = (rate: LineVatRate): string | null => {
  if (isExemptVatRate(rate)) return null;
  const hundredths = parseFixed(rate, 4);
  return formatFixed(hundredths, 6, { trim: true });
};

/** Why an exempt line carries no VAT; null for a percentage. */
export const exemptionOf = (rate: LineVatRate): VatExemption | null => {
  if (!isExemptVatRate(rate)) return null;
  const { category, case: code, reason } = VAT_EXEMPTIONS[rate];
  return { category, case: code, reason };
};

interface Minor {
  net: bigint;
  vat: bigint;
  gross: bigint;
}

const minorOf = (amounts: InvoiceAmountsJson, currency: string): Minor => ({
  net: parseMoney(amounts.net, currency),
  vat: parseMoney(amounts.vat, currency),
  gross: parseMoney(amounts.gross, currency),
});

const textOf = (amounts: Minor, currency: string): InvoiceAmountsJson => ({
  net: formatMoney(amounts.net, currency),
  vat: formatMoney(amounts.vat, currency),
  gross: formatMoney(amounts.gross, currency),
});

/** An amount of the currency's minor unit in whole forints at `rate` (HUF per unit), rounded half-up. */
const inForints = (minor: bigint, currency: string, rate: string): bigint => {
  if (currency === DEFAULT_CURRENCY) return minor;
  const perUnit = parseFixed(rate, EXCHANGE_RATE_SCALE);
  const minorPerUnit = 10n ** BigInt(currencyScale(currency));
  return divideRoundHalfUp(minor * perUnit, minorPerUnit * 10n ** BigInt(EXCHANGE_RATE_SCALE));
};

/** Gross in forints is net plus VAT in forints: the two the law asks for, and their sum, always add up. */
const hufOf = (amounts: Minor, currency: string, rate: string): Minor => {
  const net = inForints(amounts.net, currency, rate);
  const vat = inForints(amounts.vat, currency, rate);
  return { net, vat, gross: net + vat };
};

const hufText = (huf: Minor): HufAmountsJson => ({
  netHuf: formatMoney(huf.net, DEFAULT_CURRENCY),
  vatHuf: formatMoney(huf.vat, DEFAULT_CURRENCY),
  grossHuf: formatMoney(huf.gross, DEFAULT_CURRENCY),
});

/** The invoice's lines from the order's, numbered from 1, with their rates and forints. */
export const invoiceLines = (lines: InvoiceSourceLine[], currency: string, exchangeRate: string): InvoiceLineJson[] =>
  lines.map((line, index) => {
    const amounts = minorOf(line, currency);
    return {
      position: index + 1,
      name: line.name,
      sku: line.sku,
      stockItem: line.stockItem,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      vatRate: line.vatRate,
      vatPercentage: vatFraction(line.vatRate),
      exemption: exemptionOf(line.vatRate),
      note: line.note,
      ...textOf(amounts, currency),
      ...hufText(hufOf(amounts, currency, exchangeRate)),
    };
  });

const zero = (): Minor => ({ net: 0n, vat: 0n, gross: 0n });
const add = (a: Minor, b: Minor): Minor => ({ net: a.net + b.net, vat: a.vat + b.vat, gross: a.gross + b.gross });
const hufMinorOf = (line: HufAmountsJson): Minor => ({
  net: parseMoney(line.netHuf, DEFAULT_CURRENCY),
  vat: parseMoney(line.vatHuf, DEFAULT_CURRENCY),
  gross: parseMoney(line.grossHuf, DEFAULT_CURRENCY),
});

/** The summary per VAT rate and the totals: sums of the lines, in the currency and in forints. */
export const invoiceTotals = (lines: InvoiceLineJson[], currency: string): InvoiceTotalsJson => {
  const byRate = new Map<LineVatRate, { amounts: Minor; huf: Minor }>();
  for (const line of lines) {
    const sum = byRate.get(line.vatRate) ?? { amounts: zero(), huf: zero() };
    byRate.set(line.vatRate, { amounts: add(sum.amounts, minorOf(line, currency)), huf: add(sum.huf, hufMinorOf(line)) });
  }
  const rates = [...byRate.keys()].sort(byRateOrder);
  const byVatRate: InvoiceVatSummaryJson[] = rates.map((vatRate) => ({
    vatRate,
    vatPercentage: vatFraction(vatRate),
    exemption: exemptionOf(vatRate),
    ...textOf(byRate.get(vatRate)!.amounts, currency),
    ...hufText(byRate.get(vatRate)!.huf),
  }));
  const all = [...byRate.values()].reduce((sum, row) => ({ amounts: add(sum.amounts, row.amounts), huf: add(sum.huf, row.huf) }), {
    amounts: zero(),
    huf: zero(),
  });
  return { ...textOf(all.amounts, currency), ...hufText(all.huf), byVatRate };
};

/** "12.5" → "-12.5", "-3" → "3", "0" → "0". */
const negate = (decimal: string): string => {
  if (/^-/.test(decimal)) return decimal.slice(1);
  return /^0*(\.0*)?$/.test(decimal) ? decimal : `-${decimal}`;
};

const AMOUNT_KEYS = ['net', 'vat', 'gross', 'netHuf', 'vatHuf', 'grossHuf'] as const;

const negated = <T extends InvoiceAmountsJson & HufAmountsJson>(amounts: T): T => ({
  ...amounts,
  ...Object.fromEntries(AMOUNT_KEYS.map((key) => [key, negate(amounts[key])])),
});

/** A storno's lines: the original's, each quantity and amount negated; the unit price stays as it was. */
export const stornoLines = (lines: InvoiceLineJson[]): InvoiceLineJson[] =>
  lines.map((line) => negated({ ...line, quantity: negate(line.quantity) }));

/** A storno's totals: the original's negated. */
export const stornoTotals = (totals: InvoiceTotalsJson): InvoiceTotalsJson => ({
  ...negated(totals),
  byVatRate: totals.byVatRate.map(negated),
});
