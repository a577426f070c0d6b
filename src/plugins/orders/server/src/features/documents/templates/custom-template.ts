/**
 * A custom template filled from a document's snapshot: its texts' placeholders substituted from
 * the allowed data (the JSON is never built as text: only the strings of the parsed definition
 * change), our blocks replaced by what the default template draws for them, the header and
 * footer numbered. Pure, like the default template; the template must have passed
 * templateProblems() — the server never fills one that did not.
 */
import type { DocumentSnapshot } from '../../../../../shared/contracts/documents';
import { formatAmount, formatDay } from '../../../../../shared/domain/document-format';
import { PLACEHOLDER, type TemplatePlaceholder } from '../../../../../shared/domain/template-rules';
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

/** A node with its texts filled and our blocks drawn. */
const fill = (node: unknown, snapshot: DocumentSnapshot, values: Record<string, string>): PdfNode => {
  if (typeof node === 'string') return substitute(node, values);
  if (Array.isArray(node)) return node.map((child) => fill(child, snapshot, values));
  if (node === null || typeof node !== 'object') return node as PdfNode;
  const object = node as Record<string, unknown>;
  const words = wordsOf(snapshot.language);
  if ('lines' in object) return linesTable(snapshot, (object.lines as { columns?: LineColumn[] }).columns);
  if ('vatBreakdown' in object) return breakdownTable(snapshot);
  if ('totals' in object) return totalsTable(snapshot);
  if ('seller' in object) return partyBlock(words.seller, snapshot.seller, words);
  if ('buyer' in object) return partyBlock(words.buyer, snapshot.buyer, words);
  if ('note' in object) return snapshot.order.note ? { stack: [{ text: words.note, style: 'label' }, snapshot.order.note] } : '';
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === 'image' ? value : fill(value, snapshot, values)]));
};

/** The definition of a custom template for a snapshot, with the logo as data (or none). */
export const customOrderDocument = (template: CustomTemplate, snapshot: DocumentSnapshot, logo: string | null): DocumentDefinition => {
  const values = placeholderValues(snapshot);
  const accent = typeof template.accentColor === 'string' ? template.accentColor : ACCENT;
  const paged = (node: unknown) => (currentPage: number, pageCount: number) =>
    fill(node, snapshot, { ...values, page: String(currentPage), pages: String(pageCount) });
  // A logo a template places while the company has none draws nothing.
  const content = fill(template.content, snapshot, values) as PdfNode[];
  return {
    pageSize: (template.pageSize as string) ?? 'A4',
    ...(template.pageOrientation ? { pageOrientation: template.pageOrientation as string } : {}),
    pageMargins: (template.pageMargins as DocumentDefinition['pageMargins']) ?? [32, 36, 32, 48],
    info: { title: `${wordsOf(snapshot.language).title} ${snapshot.order.number}`, creationDate: new Date(snapshot.issuedAt) },
    defaultStyle: { font: (template.font as string) ?? 'Roboto', fontSize: (template.fontSize as number) ?? 9, lineHeight: 1.15 },
    styles: stylesOf(accent),
    images: logo ? { logo } : {},
    content: logo ? content : (withoutLogo(content) as PdfNode[]),
    ...(template.header !== undefined ? { header: paged(template.header) } : {}),
    footer: template.footer !== undefined ? paged(template.footer) : () => '',
  };
};

/** The content without its logo nodes: pdfmake would look for a file named "logo". */
const withoutLogo = (node: PdfNode): PdfNode => {
  if (Array.isArray(node)) return node.map(withoutLogo);
  if (node && typeof node === 'object') {
    if ((node as Record<string, unknown>).image === 'logo') return '';
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutLogo(value as PdfNode)]));
  }
  return node;
};
