/**
 * The seller's Hungarian identifiers, checked as the Hungarian authorities check them: the tax
 * number (adószám) with its check digit, VAT code and county code, and the bank account number
 * (pénzforgalmi jelzőszám, "giro") with its check digits. A typo in either would put a wrong
 * identifier on every document and invoice, so they are refused when the settings are saved.
 */

/** The county (area) codes of Hungarian tax numbers: the last two digits of 12345676-2-42. */
const COUNTY_CODES = new Set([...Array.from({ length: 19 }, (_, i) => String(i + 2).padStart(2, '0')), '22', '41', '42', '43', '44', '51']);

/** "12345676-2-42", "12345676 2 42" or "12345676242". */
const TAX_NUMBER = /^(\d{8})[- ]?([1-5])[- ]?(\d{2})$/;

/**
 * The weighted sum Hungarian check digits use: weights 9, 7, 3, 1 repeated from the left. A
 * block is valid when the sum of all its digits, the check digit last, is a multiple of 10.
 */
const weightedSum = (digits: string) => [...digits].reduce((sum, digit, i) => sum + Number(digit) * [9, 7, 3, 1][i % 4], 0);

const checksOut = (block: string) => weightedSum(block) % 10 === 0;

/**
 * The tax number in its printed form ("12345676-2-42"), or null when it is none: eight digits
 * whose eighth is the check digit of the first seven, a VAT code 1–5, a county code.
 */
export const normalizeTaxNumber = (input: string): string | null => {
  const match = TAX_NUMBER.exec(input.trim());
  if (!match) return null;
  const [, base, vatCode, county] = match;
  if (!checksOut(base) || !COUNTY_CODES.has(county)) return null;
  return `${base}-${vatCode}-${county}`;
};

/** "12345678-12345678-12345678", with dashes or spaces between the groups of 8, or none. */
const BANK_ACCOUNT = /^(\d{8})[- ]?(\d{8})(?:[- ]?(\d{8}))?$/;

/**
 * The bank account number in its printed form ("11773016-11111018" or
 * "11773016-11111018-00000000"), or null when it is none. Its first 8 digits (bank, branch,
 * check digit) check out on their own; the rest — 8 or 16 digits — checks out as one block, as
 * the Magyar Nemzeti Bank defines it. A 16-digit rest whose two groups each check out is
 * accepted too (the weights repeat every 4 digits, so such a rest always checks out as a block).
 */
export const normalizeBankAccount = (input: string): string | null => {
  const match = BANK_ACCOUNT.exec(input.trim());
  if (!match) return null;
  const [, bank, first, second] = match;
  if (!checksOut(bank) || !checksOut(first + (second ?? ''))) return null;
  return [bank, first, second].filter(Boolean).join('-');
};

/** An EU VAT number: two letters of the member state, then 2–12 letters or digits ("HU12345676"). */
export const normalizeEuVatNumber = (input: string): string | null => {
  const compact = input.replace(/[\s.-]/g, '').toUpperCase();
  return /^[A-Z]{2}[0-9A-Z]{2,12}$/.test(compact) ? compact : null;
};
