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
import { checkTemplate, DEFAULT_FONT, type TemplateFont } from '../../../../shared/domain/template-rules';
import { customInvoiceDocument, invoiceDocument } from '../invoices/invoice-template';
import { renderPdf } from './pdf';
import { customOrderDocument, type CustomTemplate } from './templates/custom-template';
import { defaultOrderDocument } from './templates/default-template';

/** What is rendered: an order's document by a custom template (or the default one, null), or an invoice. */
export type RenderSubject =
  | { kind: 'order'; snapshot: DocumentSnapshot; template: CustomTemplate | null }
  | { kind: 'invoice'; invoice: InvoiceJson; template: CustomTemplate | null };

/** What the app asks: one document, by an id of its own, with the logo as a data URL (or none). */
export type RenderRequest = RenderSubject & { id: number; logo: string | null };

/** What the thread answers: the PDF, or why it could not be made. */
export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

/**
 * A custom template is checked again here, against its kind's rules: only one that keeps every
 * rule is filled. Answers the fonts it names, for the renderer to load.
 */
const fontsOf = (template: CustomTemplate, kind: RenderSubject['kind']): TemplateFont[] => {
  const { problems, fonts } = checkTemplate(template, kind);
  const [problem] = problems;
  if (problem) throw new Error(`the template breaks a rule at ${problem.path} (${problem.node}): ${problem.message}`);
  return fonts;
};

/** The definition to render and its fonts: by its custom template, or the built-in one of its kind. */
const definitionOf = (request: RenderRequest): { definition: object; fonts: TemplateFont[] } => {
  const { logo, template } = request;
  if (!template) {
    const definition = request.kind === 'invoice' ? invoiceDocument(request.invoice, logo) : defaultOrderDocument(request.snapshot, logo);
    return { definition, fonts: [DEFAULT_FONT] };
  }
  const fonts = fontsOf(template, request.kind);
  const definition =
    request.kind === 'invoice'
      ? customInvoiceDocument(template, request.invoice, logo)
      : customOrderDocument(template, request.snapshot, logo);
  return { definition, fonts };
};

/**
 * The PDF's bytes as a message carries them: its own memory moves to the app's thread instead
 * of being copied, unless it shares a pool with other buffers (a small one), which is copied.
 */
const answerOf = (id: number, pdf: Buffer): [RenderAnswer, ArrayBuffer[]] => {
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer;
  const bytes = owned ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf);
  return [{ id, pdf: bytes }, [bytes.buffer as ArrayBuffer]];
};

parentPort?.on('message', async (request: RenderRequest) => {
  const { id } = request;
  try {
    const { definition, fonts } = definitionOf(request);
    const [answer, transfer] = answerOf(id, await renderPdf(definition, fonts));
    parentPort!.postMessage(answer, transfer);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderAnswer);
  }
});
