/**
 * The thread that renders order documents: pdfmake lays a document out synchronously (some
 * 50 ms for 20 lines, a few hundred for 500), which in the app's own thread would hold up every
 * request and finalize of the process meanwhile. Here it holds up only this thread.
 *
 * It is handed a snapshot and the logo as data, builds the template's definition itself (the
 * definition's footer is a function, which no message can carry) and answers the PDF's bytes.
 */
import { parentPort } from 'worker_threads';
import type { DocumentSnapshot } from '../../../../shared/contracts/documents';
import { templateProblems } from '../../../../shared/domain/template-rules';
import { renderPdf } from './pdf';
import { customOrderDocument, type CustomTemplate } from './templates/custom-template';
import { defaultOrderDocument } from './templates/default-template';

/** What the app asks: one document, by an id of its own. */
export interface RenderRequest {
  id: number;
  snapshot: DocumentSnapshot;
  logo: string | null;
  /** A custom template's definition; null for the default template. */
  template: CustomTemplate | null;
}

/** What the thread answers: the PDF, or why it could not be made. */
export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** The definition to render. A custom template is checked again here: only one that keeps every rule is filled. */
const definitionOf = ({ snapshot, logo, template }: RenderRequest) => {
  if (!template) return defaultOrderDocument(snapshot, logo);
  const [problem] = templateProblems(template);
  if (problem) throw new Error(`the template breaks a rule at ${problem.path} (${problem.node}): ${problem.message}`);
  return customOrderDocument(template, snapshot, logo);
};

parentPort?.on('message', async (request: RenderRequest) => {
  const { id } = request;
  try {
    const pdf = await renderPdf(definitionOf(request));
    parentPort!.postMessage({ id, pdf } satisfies RenderAnswer);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderAnswer);
  }
});
