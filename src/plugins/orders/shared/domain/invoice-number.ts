/**
 * Invoice numbers: a series' pattern filled with the year (of the shop's calendar) and the
 * series' sequence number of that year — "{year}-E/{seq:5}" gives "2026-E/00001", as MiniCRM
 * numbers them. The sequence is taken gaplessly by the engine; this only writes it.
 */

export const DEFAULT_INVOICE_PATTERN = '{year}-E/{seq:5}';

/** {year}, {seq} or {seq:N} (N digits, zero-padded, 1–9). */
const PLACEHOLDER = /\{(year|seq)(?::(\d))?\}/g;
/** What a number may be made of besides the placeholders: NAV's invoiceNumber allows these. */
const LITERAL = /^[A-Za-z0-9/\-_. ]*$/;
/** NAV's invoiceNumber is at most 50 characters. */
export const MAX_INVOICE_NUMBER = 50;

/**
 * What is wrong with a pattern, or null: it must hold {year} once (numbers restart each year and
 * must never repeat) and {seq} once, and nothing but letters, digits and / - _ . between.
 */
export const invoicePatternProblem = (pattern: string): string | null => {
  const found = [...pattern.matchAll(PLACEHOLDER)].map((match) => match[1]);
  if (found.filter((name) => name === 'year').length !== 1) return 'must contain {year} once';
  if (found.filter((name) => name === 'seq').length !== 1) return 'must contain {seq} or {seq:N} once';
  if (/\{seq:0\}/.test(pattern)) return '{seq:N} takes 1 to 9 digits';
  if (!LITERAL.test(pattern.replace(PLACEHOLDER, ''))) return 'may hold only letters, digits, spaces and / - _ . besides {year} and {seq}';
  if (formatInvoiceNumber(pattern, 9999, 999_999_999).length > MAX_INVOICE_NUMBER) {
    return `makes numbers longer than ${MAX_INVOICE_NUMBER} characters`;
  }
  return null;
};

/** The number of the `seq`th invoice of `year` in a series with this pattern. */
export const formatInvoiceNumber = (pattern: string, year: number, seq: number): string =>
  pattern.replace(PLACEHOLDER, (_, name: string, digits?: string) =>
    name === 'year' ? String(year) : String(seq).padStart(digits ? Number(digits) : 1, '0')
  );
