/**
 * Display formatting. Amounts arrive as exact decimal strings and are formatted from the string
 * (Intl.NumberFormat accepts decimal strings), never through a float: "12990" HUF shows as
 * "12 990 Ft" in Hungarian, "HUF 12,990" in English. Formatters are built once per locale and
 * currency: a 500-line order formats thousands of amounts.
 */
import { currencyScale } from '../../../shared/domain/money';

const cached = <T>(make: (key: string) => T) => {
  const cache = new Map<string, T>();
  return (key: string) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = make(key)));
    return value;
  };
};

const moneyFormat = cached((key) => {
  const [locale, currency] = key.split('|');
  const digits = currencyScale(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
});
const quantityFormat = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }));
const dateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

// Intl.NumberFormat.format takes a decimal string exactly; TypeScript's lib still types it as number.
type DecimalText = string & number;

export const formatMoney = (amount: string, currency: string, locale: string) =>
  moneyFormat(`${locale}|${currency}`).format(amount as DecimalText);

export const formatQuantity = (quantity: string, locale: string) => quantityFormat(locale).format(quantity as DecimalText);

export const formatDateTime = (iso: string, locale: string) => dateTimeFormat(locale).format(new Date(iso));

const dayFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));

/** A calendar day (YYYY-MM-DD, an invoice's dates) as the locale writes it: the day itself, in no time zone. */
export const formatDay = (day: string, locale: string) => dayFormat(locale).format(new Date(`${day}T00:00:00Z`));

/** "27%" for a percentage, the exempt codes (AAM, TAM…) as they are. */
export const vatRateLabel = (rate: string): string => (/^\d+(\.\d+)?$/.test(rate) ? `${rate}%` : rate);

/**
 * What the user typed as the API's decimal text: trimmed, spaces dropped ("12 990") and a decimal
 * comma turned into a dot, as Hungarians type 2,5.
 */
export const decimalText = (typed: string): string => typed.replace(/[\s\u00a0\u202f]/g, '').replace(/,/g, '.');
