/**
 * Hungarian VAT rates: the percentages, and the exempt codes Hungarian invoicing uses, which
 * carry no VAT but must be kept apart on invoices (AAM: exempt person, TAM: exempt activity,
 * EU: supply within the EU, EUK: supply outside the EU, MAA: exempt under other rules).
 */
export const VAT_RATES = ['27', '18', '5', '0', 'AAM', 'TAM', 'EU', 'EUK', 'MAA'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const isVatRate = (value: unknown): value is VatRate =>
  typeof value === 'string' && (VAT_RATES as readonly string[]).includes(value);

/** The percentage a rate charges: 27n for "27", 0n for every exempt code. */
export const vatPercent = (rate: string): bigint => (/^\d+$/.test(rate) ? BigInt(rate) : 0n);

/** The rate of a line or stock item that names none: Hungary's standard rate. */
export const DEFAULT_VAT_RATE: VatRate = '27';
