import { formatFixed, parseFixed } from './fixed-point';

/**
 * Money is an integer count of the currency's minor unit at the precision invoices use:
 * whole forints for HUF, cents for everything else.
 */
export const DEFAULT_CURRENCY = 'HUF';
/** Stock items are priced in the shop's base currency. */
export const STOCK_CURRENCY = DEFAULT_CURRENCY;

const WHOLE_UNIT_CURRENCIES = new Set(['HUF']);

export const currencyScale = (currency: string): number => (WHOLE_UNIT_CURRENCIES.has(currency) ? 0 : 2);

export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value);

/** The ISO 4217 currencies the runtime knows (ICU's list): a webshop's "XYZ" is refused by name. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const parseMoney = (input: string | number, currency: string): bigint => parseFixed(input, currencyScale(currency));

/** "12990" for HUF, "12.50" for EUR: the API speaks money as decimal strings. */
export const formatMoney = (minor: bigint, currency: string): string => formatFixed(minor, currencyScale(currency));
