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

/**
 * The rates in the order a list sorts them (lowest first): by the percentage they charge, so "5"
 * comes before "27" (not after, as text); the exempt codes charge none, so they come right after
 * "0", in VAT_RATES' order.
 */
export const VAT_RATES_BY_PERCENT: readonly VatRate[] = VAT_RATES.map((rate, index) => ({ rate, index }))
  .sort((a, b) => Number(vatPercent(a.rate) - vatPercent(b.rate)) || a.index - b.index)
  .map(({ rate }) => rate);

/** The rate of a line or stock item that names none: Hungary's standard rate. */
export const DEFAULT_VAT_RATE: VatRate = '27';

/** The exempt codes: every rate of VAT_RATES that is no percentage. */
export type ExemptVatRate = Exclude<VatRate, '27' | '18' | '5' | '0'>;

/**
 * How an invoice states why an exempt line carries no VAT (Áfa tv. 169. § m)), and how NAV's
 * InvoiceData reports it. AAM and TAM are NAV's own codes; EU, EUK and MAA are invoicing
 * providers' keys that NAV does not know, so they are reported under the code of the law they
 * apply: a supply to another member state is exempt under § 89 (KBAET), an export outside the EU
 * under §§ 98–109 (EAM), and "exempt from the tax" under the exemptions of §§ 85–87 (TAM).
 */
export const VAT_EXEMPTIONS: Record<ExemptVatRate, { category: 'vatExemption'; case: string; reason: string; reasonEn: string }> = {
  AAM: {
    category: 'vatExemption',
    case: 'AAM',
    reason: 'Alanyi adómentes (Áfa tv. XIII. fejezet)',
    reasonEn: 'Exempt person (VAT Act, Chapter XIII)',
  },
  TAM: {
    category: 'vatExemption',
    case: 'TAM',
    reason: 'Tárgyi adómentes (Áfa tv. 85–87. §)',
    reasonEn: 'Exempt supply (VAT Act, Sections 85–87)',
  },
  EU: {
    category: 'vatExemption',
    case: 'KBAET',
    reason: 'Közösségen belüli adómentes termékértékesítés (Áfa tv. 89. §)',
    reasonEn: 'Exempt intra-Community supply of goods (VAT Act, Section 89)',
  },
  EUK: {
    category: 'vatExemption',
    case: 'EAM',
    reason: 'Adómentes termékexport harmadik országba (Áfa tv. 98–109. §)',
    reasonEn: 'Exempt export of goods outside the EU (VAT Act, Sections 98–109)',
  },
  MAA: {
    category: 'vatExemption',
    case: 'TAM',
    reason: 'Mentes az adó alól (Áfa tv. 85–87. §)',
    reasonEn: 'Exempt from VAT (VAT Act, Sections 85–87)',
  },
};

export const isExemptVatRate = (rate: string): rate is ExemptVatRate => Object.hasOwn(VAT_EXEMPTIONS, rate);
