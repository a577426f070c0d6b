/** The JSON of order documents: never their bytes, which only the PDF route serves. */
import type { DocumentJson } from '../../../../shared/contracts/documents';
import { isoOf } from '../../core/database';
import type { DocumentRow } from './repository';

/** What the PDF downloads as: "megrendeles-2026-000042-v2.pdf", in the document's language. */
export const fileNameOf = ({ orderNumber, version, language }: Pick<DocumentRow, 'orderNumber' | 'version' | 'language'>) =>
  `${language === 'en' ? 'order' : 'megrendeles'}-${orderNumber.replace(/[^A-Za-z0-9-]/g, '_')}-v${version}.pdf`;

export const serializeDocument = (row: DocumentRow): DocumentJson => ({
  documentId: row.documentId,
  order: { documentId: row.orderDocumentId, number: row.orderNumber },
  kind: row.kind,
  version: row.version,
  state: row.state,
  error: row.error ?? null,
  template: { key: row.templateKey, version: row.templateVersion },
  language: row.language,
  contentHash: row.contentHash ?? null,
  size: row.size ?? null,
  fileName: fileNameOf(row),
  issuedBy: row.issuedBy ?? null,
  issuedAt: row.issuedAt == null ? null : isoOf(row.issuedAt),
  createdAt: isoOf(row.createdAt),
});
