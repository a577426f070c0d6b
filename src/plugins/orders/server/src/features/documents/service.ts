/**
 * Order documents (megrendelés-dokumentum): finalizing an order issues its PDF, after the
 * finalize has committed, as a job; "Reissue" makes the next version; "Retry" makes a failed
 * version again. A document, once issued, is never written again: its bytes, template, snapshot
 * and hash stay as they were.
 *
 * A finalize's document is made in three steps, each its own transaction: the version is taken
 * (a pending row, under the order's lock and the (order, kind, version) unique index, which the
 * datasheet shows as being made), the PDF is rendered outside any transaction (in the renderer's
 * thread; it holds no lock), then the outcome is recorded — issued with its bytes, or failed with
 * the error. A reissue renders first and takes its version with the bytes, in one transaction.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import {
  DEFAULT_DOCUMENT_LANGUAGE,
  type DocumentJson,
  type DocumentKind,
  type DocumentSnapshot,
  type TemplateRef,
} from '../../../../shared/contracts/documents';
import type { InvoiceJson } from '../../../../shared/contracts/invoices';
import { conflict, notFound } from '../../core/errors';
import { lockByDocumentId } from '../../core/database';
import { getService } from '../../core/service';
import { UID } from '../../core/uids';
import { createRenderer } from './renderer';
import { documentsRepository, type DocumentRow } from './repository';
import { serializeDocument } from './serializer';
import { takeSnapshot } from './snapshot';
import type { CustomTemplate } from './templates/custom-template';
import { DEFAULT_TEMPLATE } from './templates/default-template';

/** The job that issues a finalized order's document. */
export const ISSUE_JOB = 'documents.issue';

/** What the job is sent with, in the finalize's transaction. */
export interface IssueJobData {
  order: { documentId: string; number: string };
  actor: Actor;
  /** A webshop's order: the connection (documentId) whose setting decides whether it is issued one. */
  connection?: string;
}

const KIND: DocumentKind = 'order';
/** The most of an error the document keeps to show. */
const MAX_ERROR = 2000;

const noDocument = (documentId: string) => notFound('documentNotFound', `No order document ${documentId}`, { id: documentId });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A document made: what it was made from (the data, the template and its version), its PDF, when. */
interface Made {
  snapshot: DocumentSnapshot;
  template: TemplateRef;
  pdf: Buffer;
  issuedAt: Date;
}

/** What an issued document's row holds of what was made. */
const issuedFields = ({ snapshot, template, pdf, issuedAt }: Made, actor: Actor) => ({
  state: 'issued' as const,
  templateKey: template.key,
  templateVersion: template.version,
  error: null,
  language: snapshot.language,
  snapshot,
  pdf: pdf.toString('base64'),
  contentHash: sha256(pdf),
  size: pdf.length,
  issuedAt,
  issuedBy: actor,
});

const createDocumentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = documentsRepository(strapi);
  const renderer = createRenderer();

  /** The order, or a 404: documents are listed and issued for orders that exist. */
  const orderOf = async (documentId: string) => {
    const order = await strapi.db.query(UID.order).findOne({ where: { documentId }, select: ['id', 'documentId', 'number', 'state'] });
    if (!order) throw notFound('orderNotFound', `No order ${documentId}`, { id: documentId });
    return order as { id: number; documentId: string; number: string; state: string };
  };

  /**
   * Takes the order's next version: a pending document, or an issued one whose PDF is already
   * made. The order's lock makes two issues of one order wait for each other on PostgreSQL
   * (SQLite lets one writer at a time); the unique index refuses a second row of a version
   * whatever happens.
   */
  const begin = async (
    order: { documentId: string; number: string },
    actor: Actor,
    issueKey: string | null,
    made?: Made
  ): Promise<DocumentRow> =>
    // The transaction answers what its callback does: the new row.
    (await strapi.db.transaction(async ({ trx }) => {
      await lockByDocumentId(strapi, trx, UID.order, order.documentId);
      const version = (await rows.lastVersion(trx, order.documentId, KIND)) + 1;
      return await rows.create({
        orderDocumentId: order.documentId,
        orderNumber: order.number,
        kind: KIND,
        version,
        issueKey,
        // A pending document's template and language are known once it is made: make() records them.
        ...(made
          ? issuedFields(made, actor)
          : {
              state: 'pending',
              templateKey: DEFAULT_TEMPLATE.key,
              templateVersion: DEFAULT_TEMPLATE.version,
              language: DEFAULT_DOCUMENT_LANGUAGE,
              issuedBy: actor,
            }),
      });
    })) as DocumentRow;

  /**
   * Renders the document from the order as it is now, by the default template: a custom one
   * when a template is the default, else the built-in one. `template` (a preview) renders by a
   * definition that is not saved.
   */
  const produce = async (orderDocumentId: string, template?: CustomTemplate): Promise<Made> => {
    const issuedAt = new Date();
    const custom = template
      ? { key: 'preview', version: 0, definition: template }
      : await getService(strapi, 'documentTemplates').theDefault();
    const { snapshot, logo } = await takeSnapshot(strapi, orderDocumentId, issuedAt);
    const pdf = await renderer.render(snapshot, logo?.dataUrl ?? null, (custom?.definition as CustomTemplate | undefined) ?? null);
    return { snapshot, template: custom ? { key: custom.key, version: custom.version } : DEFAULT_TEMPLATE, pdf, issuedAt };
  };

  /** Makes a pending or failed document and records it issued; records the error and rethrows when it cannot be made. */
  const make = async (document: DocumentRow, actor: Actor) => {
    try {
      const made = await produce(document.orderDocumentId);
      await strapi.db.transaction(({ trx }) => rows.record(trx, document.id, issuedFields(made, actor)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await strapi.db.transaction(({ trx }) => rows.record(trx, document.id, { state: 'failed', error: message.slice(0, MAX_ERROR) }));
      throw error;
    }
  };

  /**
   * Whether a webshop's order that reached finalized is issued a document: when its connection
   * says so, and only the first time (a shop's order moves back and forth with its shop).
   */
  const issuesForShop = async ({ order, connection }: IssueJobData) => {
    const row = await strapi.db.query(UID.connection).findOne({ where: { documentId: connection }, select: ['issueDocuments'] });
    if (!row?.issueDocuments) return false;
    return (await rows.newest(order.documentId, KIND)) === null;
  };

  /** The document as it is now, after make() recorded how it went. */
  const answer = async (document: DocumentRow): Promise<DocumentJson> =>
    serializeDocument((await rows.find(document.documentId)) ?? document);

  return {
    /** A template's PDF for an order, made now and kept nowhere: the template editor's preview. */
    async preview(orderDocumentId: string, template: CustomTemplate): Promise<Buffer> {
      await orderOf(orderDocumentId);
      return (await produce(orderDocumentId, template)).pdf;
    },

    /** An invoice's PDF (features/invoices makes and keeps it). */
    renderInvoice: (invoice: InvoiceJson, logo: string | null): Promise<Buffer> => renderer.renderInvoice(invoice, logo),

    /** Ends the renderer's thread: at the app's shutdown. */
    stop: () => renderer.stop(),

    /** The order's documents, newest version first, without their bytes. */
    async list(orderDocumentId: string): Promise<DocumentJson[]> {
      await orderOf(orderDocumentId);
      return (await rows.ofOrder(orderDocumentId, KIND)).map(serializeDocument);
    },

    /** An issued document's PDF, byte for byte as it was issued, with its JSON. */
    async pdf(documentId: string): Promise<{ document: DocumentJson; bytes: Buffer }> {
      const row = await rows.find(documentId);
      if (!row) throw noDocument(documentId);
      const bytes = row.state === 'issued' ? await rows.pdfOf(row.id) : null;
      if (!bytes) {
        const message = `Version ${row.version} of the document of order ${row.orderNumber} is ${row.state}: it has no PDF`;
        throw conflict('documentNotIssued', message, { version: row.version, state: row.state });
      }
      return { document: serializeDocument(row), bytes };
    },

    /**
     * The job's work: issues the document of a finalize. Run again (a retry, or a process that
     * died after rendering), it finds the document it began by the job's id and makes that one,
     * so that one finalize makes one document.
     */
    async issueOnFinalize(data: IssueJobData, jobId: string): Promise<void> {
      const begun = await rows.byIssueKey(jobId);
      if (begun?.state === 'issued') return;
      if (!begun && data.connection && !(await issuesForShop(data))) return;
      await make(begun ?? (await begin(data.order, data.actor, jobId)), data.actor);
    },

    /**
     * "Reissue": the order's next version, made now from the order as it is; or "Retry": the
     * newest version made again when it failed. Earlier versions stay as they were. A draft has
     * no document: it is issued when it is finalized.
     */
    async reissue(orderDocumentId: string, actor: Actor): Promise<DocumentJson> {
      const order = await orderOf(orderDocumentId);
      if (order.state === 'draft') {
        throw conflict('documentOfDraft', `Order ${order.number} is a draft: its document is issued when it is finalized`, {
          number: order.number,
          state: order.state,
        });
      }
      const newest = await rows.newest(order.documentId, KIND);
      if (newest?.state === 'failed') {
        // A failure is recorded on the document, which the answer shows with its error and a Retry.
        await make(newest, actor).catch((error: Error) =>
          strapi.log.warn(`orders: the document of order ${order.number} could not be made: ${error.message}`)
        );
        return answer(newest);
      }
      // Rendered before its version is taken: one short transaction, and no pending row to record.
      return serializeDocument(await begin(order, actor, null, await produce(order.documentId)));
    },
  };
};

export default createDocumentsService;
