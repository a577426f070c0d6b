/**
 * The blocks every document of ours is drawn from — the order document and the invoice alike:
 * the page with its styles and its "1 / 3" footer, the heading with the logo, the title and the
 * document's facts, a party's block, a table whose header pdfmake repeats on every page, a small
 * labelled table, the totals. One look for every document a shop sends, and one place to change it.
 *
 * Pure pdfmake definitions: no Strapi, no pdfmake, no file or URL (the logo is a data URL the
 * caller read, placed under the name "logo").
 */
import type { DocumentLanguage } from '../../../../../shared/contracts/documents';
import { DEFAULT_FONT } from '../../../../../shared/domain/template-rules';

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

/** The words of a party's block, the same on an order document and an invoice. */
export const PARTY_WORDS = {
  hu: {
    seller: 'Eladó',
    buyer: 'Vevő',
    taxNumber: 'Adószám',
    euVatNumber: 'Közösségi adószám',
    bankAccount: 'Bankszámlaszám',
    email: 'E-mail',
    phone: 'Telefon',
    website: 'Web',
  },
  en: {
    seller: 'Seller',
    buyer: 'Buyer',
    taxNumber: 'Tax number',
    euVatNumber: 'EU VAT number',
    bankAccount: 'Bank account',
    email: 'E-mail',
    phone: 'Phone',
    website: 'Web',
  },
} as const;

export type PartyWords = (typeof PARTY_WORDS)[DocumentLanguage];

/** The accent the built-in documents are drawn in. */
export const ACCENT = '#1f3a5f';

const MUTED = '#555555';

/** A postal address as a document takes it: any part may be missing. */
export interface PrintedAddress {
  country?: string | null;
  postalCode?: string | null;
  city?: string | null;
  street?: string | null;
}

/** "1051 Budapest", the street, and the country when it is not Hungary. */
export const addressLines = (address: PrintedAddress | null): string[] => {
  if (!address) return [];
  const city = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [city, address.street, address.country && address.country !== 'HU' ? address.country : null].filter((line): line is string =>
    Boolean(line)
  );
};

/** A labelled line of a party's block, left out when the value is empty. */
const labelled = (label: string, value: string | null | undefined): PdfNode[] =>
  value ? [{ text: [{ text: `${label}: `, color: MUTED }, value] }] : [];

/** What a party's block prints: each detail left out when it is empty. */
export interface PrintedParty {
  name: string | null;
  company?: string | null;
  address: PrintedAddress | null;
  taxNumber?: string | null;
  euVatNumber?: string | null;
  bankAccount?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export const partyBlock = (title: string, party: PrintedParty, words: PartyWords): PdfNode => ({
  stack: [
    { text: title.toUpperCase(), style: 'label' },
    { text: party.name ?? '', bold: true, fontSize: 11 },
    ...(party.company && party.company !== party.name ? [party.company] : []),
    ...addressLines(party.address),
    ...labelled(words.taxNumber, party.taxNumber),
    ...labelled(words.euVatNumber, party.euVatNumber),
    ...labelled(words.bankAccount, party.bankAccount),
    ...labelled(words.email, party.email),
    ...labelled(words.phone, party.phone),
    ...labelled(words.website, party.website),
  ],
});

/** The seller's and the buyer's blocks side by side. */
export const partiesRow = (seller: PdfNode, buyer: PdfNode): PdfNode => ({
  columns: [seller, buyer],
  columnGap: 24,
  margin: [0, 0, 0, 16],
});

/** A document's fact: its label and what it says ("Számla kelte", "2026. 12. 01."). */
export type Fact = [label: string, value: string];

/**
 * The head of the first page: the logo at the left, the title at the right with the document's
 * facts under it, and whatever `below` adds under those (a storno's reference to its original).
 */
export const heading = (title: string, facts: Fact[], hasLogo: boolean, below: PdfNode[] = []): PdfNode => ({
  columns: [
    hasLogo ? { image: 'logo', fit: [150, 60], width: 160 } : { text: '', width: 160 },
    {
      width: '*',
      stack: [
        { text: title.toUpperCase(), style: 'title', alignment: 'right' },
        {
          alignment: 'right',
          margin: [0, 4, 0, 0],
          table: {
            widths: ['*', 'auto'],
            body: facts.map(([label, value]) => [
              { text: label, color: MUTED },
              { text: value, bold: true },
            ]),
          },
          layout: 'noBorders',
        },
        ...below,
      ],
    },
  ],
  margin: [0, 0, 0, 16],
});

export const right = (text: string, extra: Record<string, unknown> = {}) => ({ text, alignment: 'right', ...extra });

/** A line's name, with its note under it in small italics. */
export const nameCell = (name: string, note: string | null): PdfNode =>
  note ? { stack: [name, { text: note, style: 'lineNote' }] } : name;

/** A cell of a table's header; an amount's is aligned right, over its amounts. */
export const headerCell = (text: string, alignRight: boolean): PdfNode => ({
  text,
  style: 'tableHeader',
  alignment: alignRight ? 'right' : 'left',
});

/** A table's header row: the columns from `firstRight` on are amounts. */
export const headerRow = (labels: readonly string[], firstRight: number): PdfNode[] =>
  labels.map((text, i) => headerCell(text, i >= firstRight));

/**
 * A table of lines: its first row is the header, which pdfmake repeats on every page
 * (headerRows: 1); a line is never split across two pages.
 */
export const linesTableOf = (header: PdfNode[], rows: PdfNode[][], widths: Array<string | number>): PdfNode => ({
  table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
  layout: 'lightHorizontalLines',
  fontSize: 7.5,
  margin: [0, 0, 0, 12],
});

/** A small table under a label: the breakdown or summary per VAT rate. */
export const labelledTable = (label: string, header: PdfNode[], rows: PdfNode[][], widths: Array<string | number>): PdfNode[] => [
  { text: label, style: 'label', margin: [0, 0, 0, 2] },
  { table: { headerRows: 1, widths, body: [header, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8 },
];

/** Totals, one labelled amount a row, right-aligned; the last row (what is to be paid) in bold. */
export const totalsTable = (rows: Fact[]): PdfNode => ({
  width: '*',
  table: {
    widths: ['*', 'auto'],
    body: rows.map(([label, value], i) => {
      const emphasis = i === rows.length - 1 ? { bold: true, fontSize: 11 } : {};
      return [right(label, emphasis), right(value, emphasis)];
    }),
  },
  layout: 'noBorders',
});

/** The styles the blocks name, in an accent colour. */
export const stylesOf = (accent: string): DocumentDefinition['styles'] => ({
  title: { fontSize: 20, bold: true, color: accent },
  label: { fontSize: 7.5, bold: true, color: accent, characterSpacing: 0.5 },
  tableHeader: { bold: true, color: accent },
  lineNote: { italics: true, fontSize: 7, color: MUTED },
});

/** A built-in document: A4, our styles, the logo as data (or none), and "title … 1 / 3" at each page's foot. */
export const builtInDocument = (
  { title, author, issuedAt }: { title: string; author: string; issuedAt: string },
  logo: string | null,
  content: PdfNode[]
): DocumentDefinition => ({
  pageSize: 'A4',
  pageMargins: [32, 36, 32, 48],
  info: { title, author, subject: title, creationDate: new Date(issuedAt) },
  defaultStyle: { font: DEFAULT_FONT, fontSize: 9, lineHeight: 1.15 },
  styles: stylesOf(ACCENT),
  images: logo ? { logo } : {},
  content,
  footer: (currentPage, pageCount) => ({
    columns: [
      { text: title, fontSize: 7.5, color: MUTED },
      { text: `${currentPage} / ${pageCount}`, alignment: 'right', fontSize: 7.5, color: MUTED },
    ],
    margin: [32, 16, 32, 0],
  }),
});
