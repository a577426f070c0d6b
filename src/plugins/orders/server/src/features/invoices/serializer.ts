/** The JSON of invoices: what they say (frozen at issue), their state, and how their PDF stands. */
import type { InvoiceJson, InvoicePdfJson, InvoiceSummaryJson, OrderInvoiceJson } from '../../../../shared/contracts/invoices';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { formatMoney } from '../../../../shared/domain/money';
import type { InvoiceRow, OrderInvoiceRow } from './repository';

/** "szamla-2026-E_00001.pdf", "sztorno-…", "invoice-…": a number's slashes are no file name's. */
export const invoiceFileName = ({ number, type }: Pick<InvoiceRow, 'number' | 'type'>, language: string, extension: string) => {
  const word = language === 'en' ? (type === 'storno' ? 'credit-note' : 'invoice') : type === 'storno' ? 'sztorno' : 'szamla';
  return `${word}-${safeFileName(number)}.${extension}`;
};

/**
 * A number as part of a file name: "2026-E/00001" → "2026-E_00001" — a "/" (and anything else a
 * file system or an unzip tool might read as a path or refuse) becomes "_".
 */
export const safeFileName = (number: string) => number.replace(/[^A-Za-z0-9._-]/g, '_');

/** What the invoice's JSON is made of: its row, without the ids and dates only the database uses. */
type Serialized = Omit<InvoiceRow, 'id' | 'createdAt'>;

const pdfOf = (row: Serialized): InvoicePdfJson => ({
  state: row.pdfState,
  error: row.pdfError ?? null,
  contentHash: row.contentHash ?? null,
  size: row.size ?? null,
  fileName: invoiceFileName(row, row.content.language, 'pdf'),
});

export const serializeInvoice = (row: Serialized): InvoiceJson => ({
  documentId: row.documentId,
  ...row.content,
  state: row.state,
  stornoedBy: row.stornoedBy ?? null,
  pdf: pdfOf(row),
});

export const serializeInvoiceSummary = (row: InvoiceRow): InvoiceSummaryJson => ({
  documentId: row.documentId,
  number: row.number,
  series: row.series,
  type: row.type,
  state: row.state,
  order: { documentId: row.orderDocumentId, number: row.orderNumber },
  buyer: { name: row.buyerName },
  issueDate: row.issueDate,
  fulfilmentDate: row.content.fulfilmentDate,
  dueDate: row.content.dueDate,
  currency: row.currency,
  totals: { net: row.content.totals.net, vat: row.content.totals.vat, gross: row.content.totals.gross },
  issuedAt: row.content.issuedAt,
});

export const serializeOrderInvoice = (row: OrderInvoiceRow): OrderInvoiceJson => ({
  documentId: row.documentId,
  number: row.number,
  type: row.type,
  state: row.state,
  issueDate: row.issueDate,
  gross: formatMoney(toBigInt(row.grossMinor), row.currency),
});
