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

export const toCsv = (header: string[], rows: string[][], separator: Separator = ';') =>
  '\uFEFF' + [header, ...rows].map((row) => row.map((field) => quote(field, separator)).join(separator)).join('\r\n') + '\r\n';
