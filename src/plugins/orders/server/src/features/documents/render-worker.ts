/**
 * The thread that renders documents — order documents and invoices: pdfmake lays a document out
 * synchronously (some 50 ms for 20 lines, a few hundred for 500), which in the app's own thread
 * would hold up every request and finalize of the process meanwhile. Here it holds up only this
 * thread.
 *
 * It is handed what a document is made from (an order's snapshot, or an invoice) and the logo as
 * data, builds the template's definition itself (the definition's footer is a function, which no
 * message can carry) and answers the PDF's bytes.
 */
import { parentPort } from 'worker_threads';
import type { DocumentSnapshot } from '../../../../shared/contracts/documents';
import type { InvoiceJson } from '../../../../shared/contracts/invoices';
import { templateProblems } from '../../../../shared/domain/template-rules';
import { invoiceDocument } from '../invoices/invoice-template';
import { renderPdf } from './pdf';
import { customOrderDocument, type CustomTemplate } from './templates/custom-template';
import { defaultOrderDocument } from './templates/default-template';

/** What is rendered: an order's document by a custom template (or the default one, null), or an invoice. */
export type RenderSubject =
  { kind: 'order'; snapshot: DocumentSnapshot; template: CustomTemplate | null } | { kind: 'invoice'; invoice: InvoiceJson };

/** What the app asks: one document, by an id of its own, with the logo as a data URL (or none). */
export type RenderRequest = RenderSubject & { id: number; logo: string | null };

/** What the thread answers: the PDF, or why it could not be made. */
export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** The definition of an order's document. A custom template is checked again here: only one that keeps every rule is filled. */
const orderDefinition = (snapshot: DocumentSnapshot, logo: string | null, template: CustomTemplate | null) => {
  if (!template) return defaultOrderDocument(snapshot, logo);
  const [problem] = templateProblems(template);
  if (problem) throw new Error(`the template breaks a rule at ${problem.path} (${problem.node}): ${problem.message}`);
  return customOrderDocument(template, snapshot, logo);
};

/** The definition to render. */
const definitionOf = (request: RenderRequest) =>
  request.kind === 'invoice'
    ? invoiceDocument(request.invoice, request.logo)
    : orderDefinition(request.snapshot, request.logo, request.template);

parentPort?.on('message', async (request: RenderRequest) => {
  const { id } = request;
  try {
    const pdf = await renderPdf(definitionOf(request));
    parentPort!.postMessage({ id, pdf } satisfies RenderAnswer);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderAnswer);
  }
});
