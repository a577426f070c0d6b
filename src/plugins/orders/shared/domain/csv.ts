/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a byte-order mark so that Excel
 * reads UTF-8 (ő, ű) correctly. Hungarian Excel splits on ";" by default, hence the separator.
 */
export type Separator = ',' | ';';

const quote = (field: string, separator: Separator) =>
  /["\r\n]/.test(field) || field.includes(separator) ? `"${field.replace(/"/g, '""')}"` : field;

/**
 * Text a shop typed (names, SKUs) is made inert: a spreadsheet would run a cell starting with
 * = + - @ as a formula.
 */
export const inertText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** What a CSV file starts with: the byte-order mark by which Excel knows it is UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One row, quoted as needed, with its line end: what a streamed export writes row by row. */
export const csvRow = (fields: string[], separator: Separator = ';') =>
  fields.map((field) => quote(field, separator)).join(separator) + '\r\n';

export const toCsv = (header: string[], rows: string[][], separator: Separator = ';') =>
  CSV_BOM + [header, ...rows].map((row) => csvRow(row, separator)).join('');

/** The languages a spreadsheet is written in: its column names, and its numbers' decimal mark. */
export const CSV_LANGUAGES = ['hu', 'en'] as const;
export type CsvLanguage = (typeof CSV_LANGUAGES)[number];

/** A column: its name in each language. */
export type CsvColumn = Record<CsvLanguage, string>;

/** The header row in the reader's language. */
export const csvHeader = (columns: readonly CsvColumn[], language: CsvLanguage) => columns.map((column) => column[language]);

/**
 * A decimal as the reader's spreadsheet reads a number: Hungarian Excel takes "2,5", not "2.5"
 * (which it turns into a date or text). Group separators are left out so the cell stays a number.
 */
export const csvNumber = (decimal: string, language: CsvLanguage) => (language === 'hu' ? decimal.replace('.', ',') : decimal);
