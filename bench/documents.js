/**
 * What an order document costs over rendering its PDF with pdfmake alone.
 *
 * Issues the documents of a 20-line and a 500-line order through the documents service — the
 * order read, the snapshot, the default template, pdfmake in the renderer's thread, the SHA-256
 * and the row written — and renders the same content with raw pdfmake: the definition the default
 * template makes of the document's snapshot, with the same fonts, in a worker thread of its own
 * (as the service's pdfmake runs in one: in this thread, beside Strapi's large heap, pdfmake's
 * garbage collection would make raw pdfmake the slower). Only raw pdfmake's render is timed, in its
 * thread; the definition is built before it, untimed.
 *
 * The two alternate, one sample each, the pair's order swapped every time (so that neither always
 * runs on the warmer cache or after the other's garbage), after a warm-up; each figure is the
 * median of its samples, and the ratio is the median of the pairs' ratios beside the ratio of the
 * medians. Prints milliseconds per document (goal: a ratio of at most 1.3) and the 500-line
 * document's time (goal: under 3 s).
 *
 *   npm run build:server && node bench/documents.js              # SQLite
 *   DATABASE_CLIENT=postgres node bench/documents.js             # PostgreSQL on 127.0.0.1:5432
 *   BENCH_SAMPLES=41 node bench/documents.js                     # more samples (default 31 and 15)
 */
const path = require('path');
const { isMainThread, parentPort, Worker } = require('worker_threads');

const DIST = path.resolve(__dirname, '../src/plugins/orders/dist/server/src/features/documents');

/** Raw pdfmake's thread: renders the snapshot it was given by the default template, answering the render's milliseconds. */
const rawPdfmake = () => {
  const { defaultOrderDocument } = require(path.join(DIST, 'templates/default-template'));
  const { renderPdf } = require(path.join(DIST, 'pdf'));
  parentPort.on('message', async ({ snapshot }) => {
    // pdfmake changes the definition it renders: each render gets a fresh one, built outside the timing.
    const definition = defaultOrderDocument(snapshot, null);
    const start = process.hrtime.bigint();
    await renderPdf(definition);
    parentPort.postMessage(Number(process.hrtime.bigint() - start) / 1e6);
  });
};

if (!isMainThread) {
  rawPdfmake();
} else {
  const { loadStrapi } = require('../tests/helpers/database');
  const { median, timed } = require('./measure');

  const SAMPLES = process.env.BENCH_SAMPLES ? Number(process.env.BENCH_SAMPLES) : null;
  const WARM_UP = 3;
  const ACTOR = { type: 'system', name: 'bench' };

  const COMPANY = {
    name: 'Kávéőrlő Űrhajó Kft.',
    address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
    taxNumber: '12345676-2-42',
    bankAccount: '11773016-11111018',
    email: 'iroda@kaveorlo.hu',
  };

  /** A finalized order of `lines` stock lines. */
  const finalizedOrder = async (strapi, lines) => {
    const service = (name) => strapi.plugin('orders').service(name);
    const items = [];
    for (let i = 0; i < lines; i += 1) {
      const item = await service('inventory').create(
        { sku: `DOC-${lines}-${i}`, name: `Tűzőgép ŐŰ ${i}`, unit: 'kg', unitPrice: '12990', vatRate: '27', onHand: '1000' },
        ACTOR
      );
      items.push({ stockItem: item.documentId, quantity: i % 3 ? '1' : '2.5', discountPercent: i % 5 ? '0' : '10' });
    }
    const order = await service('orders').create({ customer: { name: 'Kovács Őrsike' }, note: 'Hívj fel előtte', items }, ACTOR);
    await service('orders').transition(order.documentId, 'finalize', {}, ACTOR);
    return order;
  };

  /** Raw pdfmake in its thread: one render of the snapshot, timed there. */
  const rawRenderer = () => {
    const worker = new Worker(__filename);
    let waiting = null;
    worker.on('message', (ms) => waiting.resolve(ms));
    worker.on('error', (error) => waiting?.reject(error));
    return {
      render: (snapshot) =>
        new Promise((resolve, reject) => {
          waiting = { resolve, reject };
          worker.postMessage({ snapshot });
        }),
      stop: () => worker.terminate(),
    };
  };

  /** One order's document through the service against raw pdfmake on the same content, alternating. */
  const measure = async (strapi, order, samples) => {
    const documents = strapi.plugin('orders').service('documents');
    const issue = () => timed(() => documents.reissue(order.documentId, ACTOR));
    const first = await documents.reissue(order.documentId, ACTOR);
    const { snapshot } = await strapi.db.query('plugin::orders.document').findOne({ where: { documentId: first.documentId } });
    const raw = rawRenderer();
    try {
      const pair = async (i) => {
        if (i % 2) {
          const rawMs = await raw.render(snapshot);
          return { documentMs: await issue(), rawMs };
        }
        const documentMs = await issue();
        return { documentMs, rawMs: await raw.render(snapshot) };
      };
      for (let i = 0; i < WARM_UP; i += 1) await pair(i);
      const pairs = [];
      for (let i = 0; i < samples; i += 1) pairs.push(await pair(i));
      const documentMs = median(pairs.map((p) => p.documentMs));
      const rawPdfmakeMs = median(pairs.map((p) => p.rawMs));
      return {
        samples,
        documentMs: Number(documentMs.toFixed(1)),
        rawPdfmakeMs: Number(rawPdfmakeMs.toFixed(1)),
        ratioOfMedians: Number((documentMs / rawPdfmakeMs).toFixed(2)),
        medianPairRatio: Number(median(pairs.map((p) => p.documentMs / p.rawMs)).toFixed(2)),
      };
    } finally {
      await raw.stop();
    }
  };

  const main = async () => {
    // The finalizes' own document jobs would render beside the timings: this process only sends them.
    process.env.ORDERS_JOBS_WORK = 'false';
    const { strapi, stop } = await loadStrapi();
    try {
      await strapi.plugin('orders').service('settings').update({ company: COMPANY });
      const lines20 = await measure(strapi, await finalizedOrder(strapi, 20), SAMPLES ?? 31);
      const lines500 = await measure(strapi, await finalizedOrder(strapi, 500), SAMPLES ?? 15);
      console.log(
        JSON.stringify({
          database: strapi.db.dialect.client,
          lines20,
          lines500: { ...lines500, underThreeSeconds: lines500.documentMs < 3000 },
          goal: 'ratio <= 1.3; a 500-line document under 3 s',
        })
      );
    } finally {
      await stop();
    }
  };

  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
