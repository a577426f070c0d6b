/**
 * What an order document costs over rendering its PDF with pdfmake alone.
 *
 * Issues the documents of a 20-line and a 500-line order through the documents service — the
 * order read, the snapshot, the default template, pdfmake, the SHA-256 and the row written — and,
 * interleaved in the same run, renders the same document definition with raw pdfmake (the same
 * fonts, the same content). Prints milliseconds per document and the ratio (goal: at most 1.3),
 * and the 500-line document's time (goal: under 3 s).
 *
 *   npm run build:server && node bench/documents.js              # SQLite
 *   DATABASE_CLIENT=postgres node bench/documents.js             # PostgreSQL on 127.0.0.1:5432
 */
const path = require('path');
const { loadStrapi } = require('../tests/helpers/database');

const DIST = path.resolve(__dirname, '../src/plugins/orders/dist/server/src/features/documents');
const { defaultOrderDocument } = require(path.join(DIST, 'templates/default-template'));
const { renderPdf } = require(path.join(DIST, 'pdf'));
const { median } = require('./measure');

const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND || 5);
const ACTOR = { type: 'system', name: 'bench' };

const timePerCall = async (count, call) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await call();
  return Number(process.hrtime.bigint() - start) / 1e6 / count;
};

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
      { sku: `DOC-${lines}-${i}`, name: `Tűzőgép ŐŰ ${i}`, unitPrice: '12990', vatRate: '27', onHand: '1000' },
      ACTOR
    );
    items.push({ stockItem: item.documentId, quantity: i % 3 ? '1' : '2.5', discountPercent: i % 5 ? '0' : '10' });
  }
  const order = await service('orders').create({ customer: { name: 'Kovács Őrsike' }, note: 'Hívj fel előtte', items }, ACTOR);
  await service('orders').transition(order.documentId, 'finalize', {}, ACTOR);
  return order;
};

/** One order's document through the service against raw pdfmake on its definition, interleaved. */
const measure = async (strapi, order) => {
  const documents = strapi.plugin('orders').service('documents');
  const issue = () => documents.reissue(order.documentId, ACTOR);
  const first = await issue();
  const row = await strapi.db.query('plugin::orders.document').findOne({ where: { documentId: first.documentId } });
  // pdfmake changes the definition it renders: each render gets a fresh one, built outside the timing.
  const raw = async () => {
    const definition = defaultOrderDocument(row.snapshot, null);
    const start = process.hrtime.bigint();
    await renderPdf(definition);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  await raw();
  const service = [];
  const bare = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    service.push(await timePerCall(PER_ROUND, issue));
    const times = [];
    for (let i = 0; i < PER_ROUND; i += 1) times.push(await raw());
    bare.push(times.reduce((sum, time) => sum + time, 0) / PER_ROUND);
  }
  return { documentMs: median(service), rawPdfmakeMs: median(bare) };
};

const main = async () => {
  // The finalizes' own document jobs would render beside the timings: this process only sends them.
  process.env.ORDERS_JOBS_WORK = 'false';
  const { strapi, stop } = await loadStrapi();
  try {
    await strapi.plugin('orders').service('settings').update({ company: COMPANY });
    const small = await measure(strapi, await finalizedOrder(strapi, 20));
    const large = await measure(strapi, await finalizedOrder(strapi, 500));
    const ratio = (figures) => Number((figures.documentMs / figures.rawPdfmakeMs).toFixed(2));
    const rounded = (figures) => ({
      documentMs: Number(figures.documentMs.toFixed(1)),
      rawPdfmakeMs: Number(figures.rawPdfmakeMs.toFixed(1)),
    });
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines20: { ...rounded(small), ratioToRawPdfmake: ratio(small) },
        lines500: { ...rounded(large), ratioToRawPdfmake: ratio(large), underThreeSeconds: large.documentMs < 3000 },
        goal: 'ratioToRawPdfmake <= 1.3; a 500-line document under 3 s',
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
