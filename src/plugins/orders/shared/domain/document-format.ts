/**
 * How documents write numbers, money and dates in Hungarian and English: "12 990 Ft",
 * "1 234,50 EUR", "2,5 kg" in Hungarian; "HUF 12,990", "EUR 1,234.50", "2.5 kg" in English.
 * Amounts arrive as the API's decimal strings and are regrouped as text: never through a float.
 */
import type { DocumentLanguage } from '../contracts/documents';

/** A no-break space: a group of digits, or an amount and its currency, never wrap apart. */
const NBSP = '\u00a0';

const SEPARATORS: Record<DocumentLanguage, { group: string; decimal: string }> = {
  hu: { group: NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "1234567.5" → "1 234 567,5" (hu) or "1,234,567.5" (en). Text that is no decimal is answered as it is. */
export const formatDecimal = (value: string, language: DocumentLanguage): string => {
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, minus = '', whole, fraction] = match;
  const { group, decimal } = SEPARATORS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${minus}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
};

/** How a currency is named beside an amount: the forint as Hungarians write it. */
const currencyLabel = (currency: string, language: DocumentLanguage) => (language === 'hu' && currency === 'HUF' ? 'Ft' : currency);

/** An amount with its currency: "12 990 Ft", "1 234,50 EUR"; "HUF 12,990" in English. */
export const formatAmount = (value: string, currency: string, language: DocumentLanguage): string => {
  const number = formatDecimal(value, language);
  const label = currencyLabel(currency, language);
  return language === 'hu' ? `${number}${NBSP}${label}` : `${label}${NBSP}${number}`;
};

/** A quantity with its unit: "2,5 kg". */
export const formatQuantityWithUnit = (quantity: string, unit: string, language: DocumentLanguage): string =>
  unit ? `${formatDecimal(quantity, language)}${NBSP}${unit}` : formatDecimal(quantity, language);

/** A discount: "10%", nothing for none. */
export const formatDiscount = (percent: string, language: DocumentLanguage): string =>
  /^0*(\.0*)?$/.test(percent) ? '' : `${formatDecimal(percent, language)}%`;

/** A VAT rate: "27%" for a percentage, the exempt codes (AAM, TAM…) as they are. */
export const formatVatRate = (rate: string, language: DocumentLanguage): string =>
  /^\d+(\.\d+)?$/.test(rate) ? `${formatDecimal(rate, language)}%` : rate;

/** A day of the shop's calendar: "2026. 12. 01." in Hungarian, "1 December 2026" in English. */
export const formatDay = (iso: string, language: DocumentLanguage, timeZone: string): string =>
  new Intl.DateTimeFormat(language === 'hu' ? 'hu-HU' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: language === 'hu' ? '2-digit' : 'long',
    day: '2-digit',
  }).format(new Date(iso));

/**
 * A day already of the shop's calendar, as an invoice's dates are ("2026-12-01"): written as
 * formatDay writes days, the same whatever the time zone — read at midnight in the shop's zone it
 * would be the day before anywhere west of Greenwich.
 */
export const formatCalendarDay = (day: string, language: DocumentLanguage): string => formatDay(`${day}T00:00:00.000Z`, language, 'UTC');
