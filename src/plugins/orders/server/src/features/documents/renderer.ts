/**
 * Renders documents — order documents and invoices — in a worker thread (render-worker.ts), one
 * per app process, started at the first document: the app's thread only hands over what the
 * document is made from and takes the bytes back, so a PDF being made never slows the requests
 * and finalizes beside it. A render is bounded in time: one that outlives MAX_RENDER_SECONDS ends
 * the thread (the next render starts another).
 */
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { DocumentSnapshot } from '../../../../shared/contracts/documents';
import type { InvoiceJson } from '../../../../shared/contracts/invoices';
import type { RenderAnswer, RenderRequest, RenderSubject } from './render-worker';
import type { CustomTemplate } from './templates/custom-template';

/** The longest a document may take to render: a 2000-line order takes a few seconds. */
export const MAX_RENDER_SECONDS = 60;

interface Waiting {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const createRenderer = () => {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  /** Ends the thread and every render it still owed, each with `error`. */
  const end = (error: Error) => {
    const ended = worker;
    worker = null;
    for (const [id, { reject, timer }] of waiting) {
      clearTimeout(timer);
      waiting.delete(id);
      reject(error);
    }
    void ended?.terminate();
  };

  const answered = (answer: RenderAnswer) => {
    const request = waiting.get(answer.id);
    if (!request) return;
    waiting.delete(answer.id);
    clearTimeout(request.timer);
    if ('error' in answer) request.reject(new Error(answer.error));
    else request.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
  };

  const thread = () => {
    if (worker) return worker;
    const started = new Worker(join(__dirname, 'render-worker.js'));
    // An idle renderer must not keep the process alive.
    started.unref();
    started.on('message', answered);
    started.on('error', (error) => worker === started && end(error));
    started.on('exit', (code) => worker === started && end(new Error(`the document renderer stopped (exit code ${code})`)));
    worker = started;
    return started;
  };

  /** The PDF of a subject, from the thread, within MAX_RENDER_SECONDS. */
  const rendered = (subject: RenderSubject, logo: string | null): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      const timer = setTimeout(() => end(new Error(`rendering took longer than ${MAX_RENDER_SECONDS} s`)), MAX_RENDER_SECONDS * 1000);
      timer.unref();
      waiting.set(id, { resolve, reject, timer });
      thread().postMessage({ ...subject, id, logo } satisfies RenderRequest);
    });

  return {
    /** The PDF of a snapshot by a custom template (or the default one, null), with the logo as a data URL (or none). */
    render: (snapshot: DocumentSnapshot, logo: string | null, template: CustomTemplate | null = null): Promise<Buffer> =>
      rendered({ kind: 'order', snapshot, template }, logo),

    /** The PDF of an invoice, with the seller's logo as a data URL (or none). */
    renderInvoice: (invoice: InvoiceJson, logo: string | null): Promise<Buffer> => rendered({ kind: 'invoice', invoice }, logo),

    /** Ends the thread: at the app's shutdown. */
    stop: () => end(new Error('the app is stopping')),
  };
};

export type Renderer = ReturnType<typeof createRenderer>;
