/**
 * The order documents' queries. A row's PDF is read only when it is downloaded: every other
 * query leaves that column out.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { DocumentKind, DocumentLanguage, DocumentSnapshot, DocumentState } from '../../../../shared/contracts/documents';
import { columnOf, isPostgres, type StoredDate, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

/** A document as stored, without its PDF. */
export interface DocumentRow {
  id: number;
  documentId: string;
  orderDocumentId: string;
  orderNumber: string;
  kind: DocumentKind;
  version: number;
  state: DocumentState;
  error: string | null;
  issueKey: string | null;
  templateKey: string;
  templateVersion: number;
  language: DocumentLanguage;
  snapshot: DocumentSnapshot | null;
  contentHash: string | null;
  size: number | null;
  issuedBy: Actor | null;
  issuedAt: StoredDate | null;
  createdAt: StoredDate;
}

export type NewDocument = Pick<
  DocumentRow,
  'orderDocumentId' | 'orderNumber' | 'kind' | 'state' | 'issueKey' | 'templateKey' | 'templateVersion' | 'language' | 'issuedBy'
> &
  Partial<Pick<DocumentRow, 'snapshot' | 'contentHash' | 'size' | 'issuedAt' | 'error'>> & { pdf?: string | null };

export type DocumentOutcome = Partial<
  Pick<
    DocumentRow,
    'state' | 'error' | 'language' | 'templateKey' | 'templateVersion' | 'snapshot' | 'contentHash' | 'size' | 'issuedAt' | 'issuedBy'
  >
> & {
  pdf?: string | null;
};

/** Every attribute but the PDF and the snapshot: lists and lookups never carry the bytes, nor the data they were made from. */
const LISTED = [
  'id',
  'documentId',
  'orderDocumentId',
  'orderNumber',
  'kind',
  'version',
  'state',
  'error',
  'issueKey',
  'templateKey',
  'templateVersion',
  'language',
  'contentHash',
  'size',
  'issuedBy',
  'issuedAt',
  'createdAt',
];

/** No two documents of one order and kind share a version, however many issue at once. */
export const VERSION_INDEX = { name: 'orders_documents_order_kind_version_unique', attributes: ['orderDocumentId', 'kind', 'version'] };
/** A job's document: the job, run again, finds the document it began. */
export const ISSUE_KEY_INDEX = { uid: UID.document, attribute: 'issueKey' } as const;

export const documentsRepository = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UID.document);
  const table = () => strapi.db.metadata.get(UID.document).tableName;

  return {
    /** Makes the unique index of (order, kind, version) unless it exists. */
    async ensureVersionIndex() {
      const columns = VERSION_INDEX.attributes.map((attribute) => columnOf(strapi, UID.document, attribute));
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [
        VERSION_INDEX.name,
        table(),
        ...columns,
      ]);
    },

    /** Whether `error` is the version index refusing a second row. */
    violatesVersion(error: unknown): boolean {
      const failure = error as { code?: string; constraint?: string; message?: string } | null;
      if (isPostgres(strapi)) return failure?.code === '23505' && failure.constraint === VERSION_INDEX.name;
      return failure?.code === 'SQLITE_CONSTRAINT_UNIQUE' && Boolean(failure.message?.includes(`${table()}.`));
    },

    /** The order's documents of a kind, newest version first. */
    ofOrder: (orderDocumentId: string, kind: DocumentKind): Promise<DocumentRow[]> =>
      rows().findMany({ where: { orderDocumentId, kind }, select: LISTED, orderBy: { version: 'desc' } }),

    /** The order's newest document of a kind, or null. */
    newest: (orderDocumentId: string, kind: DocumentKind): Promise<DocumentRow | null> =>
      rows().findOne({ where: { orderDocumentId, kind }, select: LISTED, orderBy: { version: 'desc' } }),

    find: (documentId: string): Promise<DocumentRow | null> => rows().findOne({ where: { documentId }, select: LISTED }),

    byIssueKey: (issueKey: string): Promise<DocumentRow | null> => rows().findOne({ where: { issueKey }, select: LISTED }),

    /** The PDF's bytes, as they were issued. */
    async pdfOf(id: number): Promise<Buffer | null> {
      const row = (await rows().findOne({ where: { id }, select: ['pdf'] })) as { pdf: string | null } | null;
      return row?.pdf ? Buffer.from(row.pdf, 'base64') : null;
    },

    /** The highest version of the order's documents of a kind, 0 when there is none. */
    async lastVersion(trx: Transaction, orderDocumentId: string, kind: DocumentKind): Promise<number> {
      const column = (attribute: string) => columnOf(strapi, UID.document, attribute);
      const row = await trx(table())
        .where(column('orderDocumentId'), orderDocumentId)
        .where(column('kind'), kind)
        .max({ last: column('version') })
        .first();
      return Number(row?.last ?? 0);
    },

    /** Inserts a document as the next version; answers its row. */
    create: (fields: NewDocument & { version: number }): Promise<DocumentRow> =>
      rows().create({ data: fields, select: LISTED }) as Promise<DocumentRow>,

    /**
     * Records how making a document went, in one statement. An issued document's row is never
     * written again: the condition keeps a late attempt from overwriting the one that won.
     */
    async record(trx: Transaction, id: number, outcome: DocumentOutcome): Promise<boolean> {
      const column = (attribute: string) => columnOf(strapi, UID.document, attribute);
      const values: Record<string, unknown> = { [column('updatedAt')]: new Date() };
      for (const [attribute, value] of Object.entries(outcome)) {
        // JSON attributes are stored as their text, as Strapi's query engine stores them.
        const json = (attribute === 'snapshot' || attribute === 'issuedBy') && value !== null;
        values[column(attribute)] = json ? JSON.stringify(value) : value;
      }
      const written = await trx(table()).where('id', id).whereNot(column('state'), 'issued').update(values);
      return written === 1;
    },
  };
};
