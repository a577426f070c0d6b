/**
 * A custom template filled from a document's snapshot: its texts' placeholders substituted from
 * the allowed data (the JSON is never built as text: only the strings of the parsed definition
 * change), our blocks replaced by what the default template draws for them, the header and
 * footer numbered. Pure, like the default template; the template must have passed
 * templateProblems() — the server never fills one that did not.
 */
import type { DocumentSnapshot } from '../../../../../shared/contracts/documents';
import { formatAmount, formatDay } from '../../../../../shared/domain/document-format';
import { DEFAULT_FONT, PLACEHOLDER, type TemplatePlaceholder } from '../../../../../shared/domain/template-rules';
import { ACCENT, addressLines, partyBlock, stylesOf, type DocumentDefinition, type PdfNode } from './blocks';
import { breakdownTable, linesTable, totalsTable, wordsOf, type LineColumn } from './default-template';

/** A custom template as it is stored: a definition of allowlisted nodes, with placeholders. */
export type CustomTemplate = Record<string, unknown> & { content: PdfNode[] };

/** The value of every placeholder for a snapshot, as the document prints it. */
export const placeholderValues = (snapshot: DocumentSnapshot): Record<Exclude<TemplatePlaceholder, 'page' | 'pages'>, string> => {
  const { language, timeZone, order, seller, buyer, totals } = snapshot;
  const day = (iso: string | null) => (iso ? formatDay(iso, language, timeZone) : '');
  const money = (value: string) => formatAmount(value, order.currency, language);
  return {
    'order.number': order.number,
    'order.date': day(order.createdAt),
    'order.finalizedDate': day(order.finalizedAt),
    'order.issuedDate': day(snapshot.issuedAt),
    'order.note': order.note ?? '',
    'order.externalNumber': order.externalNumber ?? '',
    'customer.name': buyer.name ?? '',
    'buyer.name': buyer.name ?? '',
    'buyer.company': buyer.company ?? '',
    'buyer.address': addressLines(buyer.address).join(', '),
    'buyer.taxNumber': buyer.taxNumber ?? '',
    'buyer.email': buyer.email ?? '',
    'buyer.phone': buyer.phone ?? '',
    'seller.name': seller.name ?? '',
    'seller.address': addressLines(seller.address).join(', '),
    'seller.taxNumber': seller.taxNumber ?? '',
    'seller.euVatNumber': seller.euVatNumber ?? '',
    'seller.bankAccount': seller.bankAccount ?? '',
    'seller.email': seller.email ?? '',
    'seller.phone': seller.phone ?? '',
    'seller.website': seller.website ?? '',
    'totals.net': money(totals.net),
    'totals.vat': money(totals.vat),
    'totals.gross': money(totals.gross),
  };
};

const substitute = (text: string, values: Record<string, string>) => text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');

/** What a kind's blocks draw: each block's node, from the block's options in the template. */
export type Blocks = Record<string, (options: Record<string, unknown>) => PdfNode>;

/** A node with its texts filled and our blocks drawn. */
const fill = (node: unknown, blocks: Blocks, values: Record<string, string>): PdfNode => {
  if (typeof node === 'string') return substitute(node, values);
  if (Array.isArray(node)) return node.map((child) => fill(child, blocks, values));
  if (node === null || typeof node !== 'object') return node as PdfNode;
  const object = node as Record<string, unknown>;
  const block = Object.keys(object).find((key) => Object.hasOwn(blocks, key));
  if (block) return blocks[block](object[block] as Record<string, unknown>);
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === 'image' ? value : fill(value, blocks, values)]));
};

/** What a custom template is filled from: its kind's blocks and placeholder values, the title and time of what it makes. */
export interface Filling {
  blocks: Blocks;
  values: Record<string, string>;
  title: string;
  issuedAt: string;
}

/** The definition of a custom template of any kind, with the logo as data (or none). */
export const customDocument = (
  template: CustomTemplate,
  { blocks, values, title, issuedAt }: Filling,
  logo: string | null
): DocumentDefinition => {
  const accent = typeof template.accentColor === 'string' ? template.accentColor : ACCENT;
  const paged = (node: unknown) => (currentPage: number, pageCount: number) =>
    fill(node, blocks, { ...values, page: String(currentPage), pages: String(pageCount) });
  // A logo a template places while the company has none draws nothing.
  const content = fill(template.content, blocks, values) as PdfNode[];
  return {
    pageSize: (template.pageSize as string) ?? 'A4',
    ...(template.pageOrientation ? { pageOrientation: template.pageOrientation as string } : {}),
    pageMargins: (template.pageMargins as DocumentDefinition['pageMargins']) ?? [32, 36, 32, 48],
    info: { title, creationDate: new Date(issuedAt) },
    defaultStyle: { font: (template.font as string) ?? DEFAULT_FONT, fontSize: (template.fontSize as number) ?? 9, lineHeight: 1.15 },
    styles: stylesOf(accent),
    images: logo ? { logo } : {},
    content: logo ? content : (withoutLogo(content) as PdfNode[]),
    ...(template.header !== undefined ? { header: paged(template.header) } : {}),
    footer: template.footer !== undefined ? paged(template.footer) : () => '',
  };
};

/** An order document's blocks: what the default template draws for each. */
const orderBlocks = (snapshot: DocumentSnapshot): Blocks => {
  const words = wordsOf(snapshot.language);
  return {
    lines: (options) => linesTable(snapshot, (options as { columns?: LineColumn[] }).columns),
    vatBreakdown: () => breakdownTable(snapshot),
    totals: () => totalsTable(snapshot),
    seller: () => partyBlock(words.seller, snapshot.seller, words),
    buyer: () => partyBlock(words.buyer, snapshot.buyer, words),
    note: () => (snapshot.order.note ? { stack: [{ text: words.note, style: 'label' }, snapshot.order.note] } : ''),
  };
};

/** The definition of a custom order document template for a snapshot, with the logo as data (or none). */
export const customOrderDocument = (template: CustomTemplate, snapshot: DocumentSnapshot, logo: string | null): DocumentDefinition =>
  customDocument(
    template,
    {
      blocks: orderBlocks(snapshot),
      values: placeholderValues(snapshot),
      title: `${wordsOf(snapshot.language).title} ${snapshot.order.number}`,
      issuedAt: snapshot.issuedAt,
    },
    logo
  );

/** The content without its logo nodes: pdfmake would look for a file named "logo". */
const withoutLogo = (node: PdfNode): PdfNode => {
  if (Array.isArray(node)) return node.map(withoutLogo);
  if (node && typeof node === 'object') {
    if ((node as Record<string, unknown>).image === 'logo') return '';
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutLogo(value as PdfNode)]));
  }
  return node;
};
