/**
 * What several shops' adapters share once their payload is read: the customer's name from its
 * parts, the minor unit of a currency, a line's VAT and gross from its net.
 */
import { currencyScale } from '../../../../../shared/domain/money';
import type { NormalizedAddress } from '../../../../../shared/contracts/normalized-order';
import { add, divide, multiply, subtract } from './decimal';
import { textOf } from './json';

/** "1" for forints, "0.01" for euros: how far a shop's rounding may move a tax. */
export const minorUnit = (currency: string): string => (currencyScale(currency) === 0 ? '1' : '0.01');

/** The words that are there, joined by a space: a missing first name leaves no double space. */
export const joinWords = (...words: unknown[]): string | null =>
  words
    .map(textOf)
    .filter((word): word is string => word !== null)
    .join(' ') || null;

/** An address with nothing in it is no address. */
export const addressOf = (address: Record<keyof NormalizedAddress, string | null>): NormalizedAddress | null =>
  Object.values(address).some((value) => value !== null) ? address : null;

/** A line's VAT and gross from its net and percent, exact: 945 at 27 % → 255.15 and 1200.15. */
export const fromNet = (net: string, vatPercent: string) => {
  const vat = divide(multiply(net, vatPercent), '100', 12);
  return { net, vat, gross: add(net, vat) };
};

/** A line's net and VAT from its gross and net, as UNAS and Shoprenter give both. */
export const fromNetAndGross = (net: string, gross: string) => ({ net, vat: subtract(gross, net), gross });

/**
 * A person's name as its shop's owner writes it: a Hungarian puts the family name first
 * ("Kovács János"), everyone else last.
 */
export const personName = (first: unknown, last: unknown, hungarian: boolean): string | null =>
  hungarian ? joinWords(last, first) : joinWords(first, last);

/** A Map, not an object: a shop's "&constructor;" must find nothing, not Object's own properties. */
const HTML_ENTITIES = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' }));

/** WooCommerce and Shoprenter store product names with HTML entities ("Ship Your Idea &ndash; Black"). */
export const decodeHtml = (text: string | null): string | null =>
  text === null
    ? null
    : text.replace(/&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (whole, name?: string, decimal?: string, hex?: string) => {
        if (name) return HTML_ENTITIES.get(name.toLowerCase()) ?? whole;
        const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      });
