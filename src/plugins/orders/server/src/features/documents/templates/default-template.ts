/**
 * The default order document: a pdfmake document definition built from a document's snapshot,
 * in Hungarian or English, as a Hungarian business document looks — the seller and the buyer,
 * the order's number and dates, its lines with the table header repeated on every page, the
 * breakdown per VAT rate, the totals, the note, and "1 / 3" at the foot of each page.
 *
 * Pure: no Strapi, no pdfmake, no file or URL. The logo comes in as a data URL that the
 * documents service read from the Media Library; nothing here reaches outside.
 */
import type { DocumentLanguage, DocumentParty, DocumentSnapshot } from '../../../../../shared/contracts/documents';
import {
  formatAmount,
  formatDay,
  formatDiscount,
  formatQuantityWithUnit,
  formatVatRate,
} from '../../../../../shared/domain/document-format';

/** The default template's key and version, as every document made from it records them. */
export const DEFAULT_TEMPLATE = { key: 'default', version: 1 } as const;

/** A node of a pdfmake document definition. */
export type PdfNode = string | PdfNode[] | { [key: string]: unknown };

/** What pdfmake renders: the definition, with the footer that numbers the pages. */
export interface DocumentDefinition {
  pageSize: string;
  pageOrientation?: string;
  pageMargins: [number, number, number, number];
  info: Record<string, string | Date>;
  defaultStyle: Record<string, unknown>;
  styles: Record<string, Record<string, unknown>>;
  images: Record<string, string>;
  content: PdfNode[];
  header?: (currentPage: number, pageCount: number) => PdfNode;
  footer: (currentPage: number, pageCount: number) => PdfNode;
}

const WORDS = {
  hu: {
    title: 'Megrendelés',
    number: 'Sorszám',
    orderDate: 'Megrendelés dátuma',
    finalizedDate: 'Véglegesítés dátuma',
    issuedDate: 'Kiállítás dátuma',
    externalNumber: 'Webshop sorszáma',
    seller: 'Eladó',
    buyer: 'Vevő',
    taxNumber: 'Adószám',
    euVatNumber: 'Közösségi adószám',
    bankAccount: 'Bankszámlaszám',
    email: 'E-mail',
    phone: 'Telefon',
    website: 'Web',
    columns: ['Megnevezés', 'Cikkszám', 'Mennyiség', 'Nettó egységár', 'Kedvezmény', 'Nettó', 'ÁFA-kulcs', 'ÁFA', 'Bruttó'],
    breakdown: 'ÁFA-kulcsonként',
    breakdownColumns: ['ÁFA-kulcs', 'Nettó', 'ÁFA', 'Bruttó'],
    net: 'Nettó összesen',
    vat: 'ÁFA összesen',
    gross: 'Bruttó végösszeg',
    note: 'Megjegyzés',
  },
  en: {
    title: 'Order',
    number: 'Number',
    orderDate: 'Order date',
    finalizedDate: 'Finalized on',
    issuedDate: 'Issued on',
    externalNumber: 'Webshop number',
    seller: 'Seller',
    buyer: 'Buyer',
    taxNumber: 'Tax number',
    euVatNumber: 'EU VAT number',
    bankAccount: 'Bank account',
    email: 'E-mail',
    phone: 'Phone',
    website: 'Web',
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

export const addressLines = (party: DocumentParty): string[] => {
  const address = party.address;
  if (!address) return [];
  const city = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [city, address.street, address.country && address.country !== 'HU' ? address.country : null].filter((line): line is string =>
    Boolean(line)
  );
};

/** A labelled line of a party's block, left out when the value is empty. */
const labelled = (label: string, value: string | null | undefined): PdfNode[] =>
  value ? [{ text: [{ text: `${label}: `, color: '#555555' }, value] }] : [];

export const partyBlock = (title: string, party: DocumentParty, words: Words): PdfNode => ({
  stack: [
    { text: title.toUpperCase(), style: 'label' },
    { text: party.name ?? '', bold: true, fontSize: 11 },
    ...(party.company && party.company !== party.name ? [party.company] : []),
    ...addressLines(party),
    ...labelled(words.taxNumber, party.taxNumber),
    ...labelled(words.euVatNumber, party.euVatNumber),
    ...labelled(words.bankAccount, party.bankAccount),
    ...labelled(words.email, party.email),
    ...labelled(words.phone, party.phone),
    ...labelled(words.website, party.website),
  ],
});

const heading = (snapshot: DocumentSnapshot, words: Words, hasLogo: boolean): PdfNode => {
  const { language, timeZone, order } = snapshot;
  const day = (iso: string) => formatDay(iso, language, timeZone);
  const facts: Array<[string, string]> = [
    [words.number, order.number],
    ...(order.externalNumber ? [[words.externalNumber, order.externalNumber] as [string, string]] : []),
    [words.orderDate, day(order.createdAt)],
    ...(order.finalizedAt ? [[words.finalizedDate, day(order.finalizedAt)] as [string, string]] : []),
    [words.issuedDate, day(snapshot.issuedAt)],
  ];
  return {
    columns: [
      hasLogo ? { image: 'logo', fit: [150, 60], width: 160 } : { text: '', width: 160 },
      {
        width: '*',
        stack: [
          { text: words.title.toUpperCase(), style: 'title', alignment: 'right' },
          {
            alignment: 'right',
            margin: [0, 4, 0, 0],
            table: {
              widths: ['*', 'auto'],
              body: facts.map(([label, value]) => [
                { text: label, color: '#555555' },
                { text: value, bold: true },
              ]),
            },
            layout: 'noBorders',
          },
        ],
      },
    ],
    margin: [0, 0, 0, 16],
  };
};

const right = (text: string, extra: Record<string, unknown> = {}) => ({ text, alignment: 'right', ...extra });

/** The columns a lines table may show, in their order. */
export const LINE_COLUMNS = ['name', 'sku', 'quantity', 'unitPrice', 'discount', 'net', 'vatRate', 'vat', 'gross'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

/** A line's cell of each column. */
const cellsOf = (snapshot: DocumentSnapshot, line: DocumentSnapshot['lines'][number]): Record<LineColumn, PdfNode> => {
  const { language, order } = snapshot;
  const money = (value: string) => formatAmount(value, order.currency, language);
  return {
    name: line.note ? { stack: [line.name, { text: line.note, style: 'lineNote' }] } : line.name,
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
 * pdfmake repeats on every page (headerRows: 1).
 */
export const linesTable = (snapshot: DocumentSnapshot, columns: readonly LineColumn[] = LINE_COLUMNS): PdfNode => {
  const words = wordsOf(snapshot.language);
  const header = columns.map((column) => ({
    text: words.columns[LINE_COLUMNS.indexOf(column)],
    style: 'tableHeader',
    alignment: LINE_COLUMNS.indexOf(column) >= 2 ? 'right' : 'left',
  }));
  const rows = snapshot.lines.map((line) => {
    const cells = cellsOf(snapshot, line);
    return columns.map((column) => cells[column]);
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columns.map((column) => (column === 'name' ? '*' : 'auto')),
      body: [header, ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7.5,
    margin: [0, 0, 0, 12],
  };
};

/** The breakdown per VAT rate. */
export const breakdownTable = (snapshot: DocumentSnapshot, words: Words = wordsOf(snapshot.language)): PdfNode => {
  const { language, order, totals } = snapshot;
  const money = (value: string) => formatAmount(value, order.currency, language);
  return {
    width: 260,
    stack: [
      { text: words.breakdown, style: 'label', margin: [0, 0, 0, 2] },
      {
        table: {
          headerRows: 1,
          widths: [50, '*', '*', '*'],
          body: [
            words.breakdownColumns.map((text, i) => ({ text, style: 'tableHeader', alignment: i ? 'right' : 'left' })),
            ...totals.byVatRate.map((row) => [
              formatVatRate(row.vatRate, language),
              right(money(row.net)),
              right(money(row.vat)),
              right(money(row.gross)),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
    ],
  };
};

/** Net, VAT and gross totals. */
export const totalsTable = (snapshot: DocumentSnapshot, words: Words = wordsOf(snapshot.language)): PdfNode => {
  const money = (value: string) => formatAmount(value, snapshot.order.currency, snapshot.language);
  const { net, vat, gross } = snapshot.totals;
  return {
    width: '*',
    table: {
      widths: ['*', 'auto'],
      body: [
        [right(words.net), right(money(net))],
        [right(words.vat), right(money(vat))],
        [right(words.gross, { bold: true, fontSize: 11 }), right(money(gross), { bold: true, fontSize: 11 })],
      ],
    },
    layout: 'noBorders',
  };
};

/** The styles the template's blocks name, in an accent colour. */
export const stylesOf = (accent: string): DocumentDefinition['styles'] => ({
  title: { fontSize: 20, bold: true, color: accent },
  label: { fontSize: 7.5, bold: true, color: accent, characterSpacing: 0.5 },
  tableHeader: { bold: true, color: accent },
  lineNote: { italics: true, fontSize: 7, color: '#555555' },
});

/**
 * The default template's document definition of a snapshot. `logo` is the logo as a data URL
 * (PNG or JPEG), or null.
 */
export const defaultOrderDocument = (snapshot: DocumentSnapshot, logo: string | null): DocumentDefinition => {
  const words = wordsOf(snapshot.language);
  const title = `${words.title} ${snapshot.order.number}`;
  return {
    pageSize: 'A4',
    pageMargins: [32, 36, 32, 48],
    info: { title, author: snapshot.seller.name ?? '', subject: title, creationDate: new Date(snapshot.issuedAt) },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: stylesOf('#1f3a5f'),
    images: logo ? { logo } : {},
    content: [
      heading(snapshot, words, Boolean(logo)),
      {
        columns: [partyBlock(words.seller, snapshot.seller, words), partyBlock(words.buyer, snapshot.buyer, words)],
        columnGap: 24,
        margin: [0, 0, 0, 16],
      },
      linesTable(snapshot),
      { columns: [breakdownTable(snapshot, words), totalsTable(snapshot, words)], columnGap: 24, unbreakable: true },
      ...(snapshot.order.note ? [{ stack: [{ text: words.note, style: 'label' }, snapshot.order.note], margin: [0, 16, 0, 0] }] : []),
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: title, fontSize: 7.5, color: '#555555' },
        { text: `${currentPage} / ${pageCount}`, alignment: 'right', fontSize: 7.5, color: '#555555' },
      ],
      margin: [32, 16, 32, 0],
    }),
  };
};
