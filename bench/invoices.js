/**
 * What issuing an invoice costs over the bare writes it needs, and its PDF apart.
 *
 * With invoices driving stock, issues the invoices of 20-line fulfilled orders through the
 * invoices service — the order locked and read, the seller's and buyer's details checked, the
 * number from the series' counter, the snapshot, 20 stock movements, the history entry, the PDF's
 * job — and, interleaved in the same run, the floor's writes of the same invoice (bench/floor.js:
 * the lock, the counter's upsert, the invoice row with its lines, the conditional stock UPDATE and
 * the movements) through the raw driver. Prints milliseconds per invoice and the ratio (goal: at
 * most 2), then the PDF of one invoice made by the job's own call, measured alone.
 *
 *   npm run build:server && node bench/invoices.js               # SQLite
 *   DATABASE_CLIENT=postgres node bench/invoices.js              # PostgreSQL on 127.0.0.1:5432
 */
process.env.ORDERS_JOBS_WORK = 'false';
const { loadStrapi } = require('../tests/helpers/database');
const { createFloor } = require('./floor');

const LINES = 20;
const SAMPLES = Number(process.env.BENCH_SAMPLES || 40);
const WARMUP = 5;
const ACTOR = { type: 'system', name: 'bench' };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Number(value.toFixed(2));
const timed = async (call) => {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const COMPANY = {
  name: 'Kávéőrlő Űrhajó Kft.',
  address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
  taxNumber: '12345676-2-42',
  bankAccount: '11773016-11111018',
};
const BUYER = {
  name: 'Nagy Péter',
  company: 'Vevő Bt.',
  taxNumber: '24387774-2-06',
  address: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 1.' },
};

const main = async () => {
  const { strapi, stop } = await loadStrapi();
  try {
    const service = (name) => strapi.plugin('orders').service(name);
    await service('settings').update({ company: COMPANY, inventoryDriver: 'invoices' });
    const items = [];
    for (let i = 0; i < LINES; i += 1) {
      items.push(
        await service('inventory').create(
          { sku: `INV-${i}`, name: `Tétel ${i}`, unitPrice: '12990', vatRate: '27', onHand: '1000000' },
          ACTOR
        )
      );
    }
    const itemIds = (await strapi.db.query('plugin::orders.stock-item').findMany({ select: ['id'], orderBy: { id: 'asc' } })).map(
      (row) => row.id
    );
    const fulfilled = async () => {
      const order = await service('orders').create(
        { customer: BUYER, items: items.map((item) => ({ stockItem: item.documentId, quantity: '1' })) },
        ACTOR
      );
      await service('orders').transition(order.documentId, 'finalize', {}, ACTOR);
      return service('orders').transition(order.documentId, 'fulfil', {}, ACTOR);
    };
    const count = WARMUP + SAMPLES;
    const engineOrders = [];
    const floorOrders = [];
    for (let i = 0; i < count; i += 1) {
      engineOrders.push(await fulfilled());
      floorOrders.push(await fulfilled());
    }
    const invoices = service('invoices');
    const floor = createFloor(strapi);
    const take = itemIds.map((id) => [id, -1000]);
    let sample = null;
    const engine = [];
    const bare = [];
    for (let i = 0; i < count; i += 1) {
      const issued = await timed(async () => (sample = await invoices.issue(engineOrders[i].documentId, {}, ACTOR)));
      const { documentId, state, stornoedBy, pdf, ...content } = sample;
      const order = floorOrders[i];
      const floorMs = await timed(() =>
        floor.invoice({ orderDocumentId: order.documentId, orderNumber: order.number, content, deltas: take })
      );
      if (i >= WARMUP) {
        engine.push(issued);
        bare.push(floorMs);
      }
    }
    const pdfTimes = [];
    for (let i = 0; i < 5; i += 1) {
      const { documentId } = await invoices.issue((await fulfilled()).documentId, {}, ACTOR);
      pdfTimes.push(await timed(() => invoices.makePdf(documentId)));
    }
    const engineMs = median(engine);
    const floorMs = median(bare);
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines: LINES,
        samples: SAMPLES,
        issue: { engineMs: round(engineMs), bareWritesMs: round(floorMs), ratio: round(engineMs / floorMs) },
        pdfMs: round(median(pdfTimes)),
        goal: 'issue ratio <= 2; the PDF apart',
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
