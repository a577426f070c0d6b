/**
 * The default order document: a pdfmake document definition built from a document's snapshot,
 * in Hungarian or English, as a Hungarian business document looks — the seller and the buyer,
 * the order's number and dates, its lines with the table header repeated on every page, the
 * breakdown per VAT rate, the totals, the note, and "1 / 3" at the foot of each page.
 *
 * Pure: no Strapi, no pdfmake, no file or URL. The logo comes in as a data URL that the
 * documents service read from the Media Library; nothing here reaches outside.
 */
import type { DocumentLanguage, DocumentSnapshot } from '../../../../../shared/contracts/documents';
import {
  formatAmount,
  formatDay,
  formatDiscount,
  formatQuantityWithUnit,
  formatVatRate,
} from '../../../../../shared/domain/document-format';
import {
  builtInDocument,
  headerCell,
  headerRow,
  heading,
  labelledTable,
  linesTableOf,
  nameCell,
  partiesRow,
  partyBlock,
  PARTY_WORDS,
  right,
  totalsTable as totalsTableOf,
  type DocumentDefinition,
  type Fact,
  type PdfNode,
} from './blocks';

/** The default template's key and version, as every document made from it records them. */
export const DEFAULT_TEMPLATE = { key: 'default', version: 1 } as const;

const WORDS = {
  hu: {
    ...PARTY_WORDS.hu,
    title: 'Megrendelés',
    number: 'Sorszám',
    orderDate: 'Megrendelés dátuma',
    finalizedDate: 'Véglegesítés dátuma',
    issuedDate: 'Kiállítás dátuma',
    externalNumber: 'Webshop sorszáma',
    columns: ['Megnevezés', 'Cikkszám', 'Mennyiség', 'Nettó egységár', 'Kedvezmény', 'Nettó', 'ÁFA-kulcs', 'ÁFA', 'Bruttó'],
    breakdown: 'ÁFA-kulcsonként',
    breakdownColumns: ['ÁFA-kulcs', 'Nettó', 'ÁFA', 'Bruttó'],
    net: 'Nettó összesen',
    vat: 'ÁFA összesen',
    gross: 'Bruttó végösszeg',
    note: 'Megjegyzés',
  },
  en: {
    ...PARTY_WORDS.en,
    title: 'Order',
    number: 'Number',
    orderDate: 'Order date',
    finalizedDate: 'Finalized on',
    issuedDate: 'Issued on',
    externalNumber: 'Webshop number',
    columns: ['Item', 'SKU', 'Quantity', 'Unit price', 'Discount', 'Net', 'VAT rate', 'VAT', 'Gross'],
    breakdown: 'By VAT rate',
    breakdownColumns: ['VAT rate', 'Net', 'VAT', 'Gross'],
    net: 'Net total',
    vat: 'VAT total',
    gross: 'Gross total',
    note: 'Note',
  },
} as const;

type Words = (typeof WORDS)[DocumentLanguage];

/** The words of a document, by its language. */
export const wordsOf = (language: DocumentLanguage): Words => WORDS[language];

const headingOf = (snapshot: DocumentSnapshot, words: Words, hasLogo: boolean): PdfNode => {
  const { language, timeZone, order } = snapshot;
  const day = (iso: string) => formatDay(iso, language, timeZone);
  const facts: Fact[] = [
    [words.number, order.number],
    ...(order.externalNumber ? [[words.externalNumber, order.externalNumber] as Fact] : []),
    [words.orderDate, day(order.createdAt)],
    ...(order.finalizedAt ? [[words.finalizedDate, day(order.finalizedAt)] as Fact] : []),
    [words.issuedDate, day(snapshot.issuedAt)],
  ];
  return heading(words.title, facts, hasLogo);
};

/** The columns a lines table may show, in their order. */
export const LINE_COLUMNS = ['name', 'sku', 'quantity', 'unitPrice', 'discount', 'net', 'vatRate', 'vat', 'gross'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

/** A line's cell of each column. */
const cellsOf = (snapshot: DocumentSnapshot, line: DocumentSnapshot['lines'][number]): Record<LineColumn, PdfNode> => {
  const { language, order } = snapshot;
  const money = (value: string) => formatAmount(value, order.currency, language);
  return {
    name: nameCell(line.name, line.note),
    sku: line.sku ?? '',
    quantity: right(formatQuantityWithUnit(line.quantity, line.unit, language)),
    unitPrice: right(money(line.unitPrice)),
    discount: right(formatDiscount(line.discountPercent, language)),
    net: right(money(line.net)),
    vatRate: right(formatVatRate(line.vatRate, language)),
    vat: right(money(line.vat)),
    gross: right(money(line.gross)),
  };
};

/**
 * The lines table, of the columns given (every one by default): its first row is the header
 * pdfmake repeats on every page.
 */
export const linesTable = (snapshot: DocumentSnapshot, columns: readonly LineColumn[] = LINE_COLUMNS): PdfNode => {
  const words = wordsOf(snapshot.language);
  // Name and SKU are text, aligned left; from the quantity on they are numbers.
  const header = columns.map((column) => headerCell(words.columns[LINE_COLUMNS.indexOf(column)], LINE_COLUMNS.indexOf(column) >= 2));
  const rows = snapshot.lines.map((line) => {
    const cells = cellsOf(snapshot, line);
    return columns.map((column) => cells[column]);
  });
  return linesTableOf(
    header,
    rows,
    columns.map((column) => (column === 'name' ? '*' : 'auto'))
  );
};

/** The breakdown per VAT rate. */
export const breakdownTable = (snapshot: DocumentSnapshot, words: Words = wordsOf(snapshot.language)): PdfNode => {
  const { language, order, totals } = snapshot;
  const money = (value: string) => formatAmount(value, order.currency, language);
  const rows = totals.byVatRate.map((row) => [
    formatVatRate(row.vatRate, language),
    right(money(row.net)),
    right(money(row.vat)),
    right(money(row.gross)),
  ]);
  return { width: 260, stack: labelledTable(words.breakdown, headerRow(words.breakdownColumns, 1), rows, [50, '*', '*', '*']) };
};

/** Net, VAT and gross totals. */
export const totalsTable = (snapshot: DocumentSnapshot, words: Words = wordsOf(snapshot.language)): PdfNode => {
  const money = (value: string) => formatAmount(value, snapshot.order.currency, snapshot.language);
  const { net, vat, gross } = snapshot.totals;
  return totalsTableOf([
    [words.net, money(net)],
    [words.vat, money(vat)],
    [words.gross, money(gross)],
  ]);
};

/**
 * The default template's document definition of a snapshot. `logo` is the logo as a data URL
 * (PNG or JPEG), or null.
 */
export const defaultOrderDocument = (snapshot: DocumentSnapshot, logo: string | null): DocumentDefinition => {
  const words = wordsOf(snapshot.language);
  const title = `${words.title} ${snapshot.order.number}`;
  return builtInDocument({ title, author: snapshot.seller.name ?? '', issuedAt: snapshot.issuedAt }, logo, [
    headingOf(snapshot, words, Boolean(logo)),
    partiesRow(partyBlock(words.seller, snapshot.seller, words), partyBlock(words.buyer, snapshot.buyer, words)),
    linesTable(snapshot),
    { columns: [breakdownTable(snapshot, words), totalsTable(snapshot, words)], columnGap: 24, unbreakable: true },
    ...(snapshot.order.note ? [{ stack: [{ text: words.note, style: 'label' }, snapshot.order.note], margin: [0, 16, 0, 0] }] : []),
  ]);
};
