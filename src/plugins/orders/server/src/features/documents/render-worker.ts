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
import { renderPdf } from './pdf';
import { defaultOrderDocument } from './templates/default-template';

/** What the app asks: one document, by an id of its own. */
export interface RenderRequest {
  id: number;
  snapshot: DocumentSnapshot;
  logo: string | null;
}

/** What the thread answers: the PDF, or why it could not be made. */
export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', async ({ id, snapshot, logo }: RenderRequest) => {
  try {
    const pdf = await renderPdf(defaultOrderDocument(snapshot, logo));
    parentPort!.postMessage({ id, pdf } satisfies RenderAnswer);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderAnswer);
  }
});
