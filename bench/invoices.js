/**
 * What issuing an invoice costs over the bare writes it needs, and its PDF apart.
 *
 * With invoices driving stock, issues the invoices of 20-line fulfilled orders through the
 * invoices service — the order locked and read, the seller's and buyer's details checked, the
 * number from the series' counter, the snapshot, 20 stock movements, the history entry, the PDF's
 * job — and, interleaved in the same run, the bare writes of the same invoice row by row through
 * knex (bench/bare.js: the counter's upsert, the invoice row with its lines, each item's stock and
 * movement with its links) and the floor's (bench/floor.js: the same batched on the raw driver,
 * with the order's lock). Prints milliseconds per invoice and the ratios (goal: at most 2 to the
 * bare writes), then the PDF of one invoice made by the job's own call, measured alone.
 *
 *   npm run build:server && node bench/invoices.js               # SQLite
 *   DATABASE_CLIENT=postgres node bench/invoices.js              # PostgreSQL on 127.0.0.1:5432
 */
process.env.ORDERS_JOBS_WORK = 'false';
const { loadStrapi } = require('../tests/helpers/database');
const { bareInvoice } = require('./bare');
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
    const orderIdOf = async (documentId) =>
      (await strapi.db.query('plugin::orders.order').findOne({ where: { documentId }, select: ['id'] })).id;
    const bareOrders = [];
    for (let i = 0; i < count; i += 1) bareOrders.push(await fulfilled());
    let sample = null;
    const times = { engine: [], bare: [], floor: [] };
    for (let i = 0; i < count; i += 1) {
      const engineMs = await timed(async () => (sample = await invoices.issue(engineOrders[i].documentId, {}, ACTOR)));
      // The baselines write the same content the engine wrote.
      const { documentId: _id, state: _state, stornoedBy: _by, pdf: _pdf, ...content } = sample;
      const [order, bareOrder] = [floorOrders[i], bareOrders[i]];
      const bareId = await orderIdOf(bareOrder.documentId);
      const bareMs = await timed(() =>
        bareInvoice(strapi, itemIds, { orderId: bareId, orderDocumentId: bareOrder.documentId, orderNumber: bareOrder.number, content })
      );
      const floorMs = await timed(() =>
        floor.invoice({ orderDocumentId: order.documentId, orderNumber: order.number, content, deltas: take })
      );
      if (i >= WARMUP) {
        times.engine.push(engineMs);
        times.bare.push(bareMs);
        times.floor.push(floorMs);
      }
    }
    const pdfTimes = [];
    for (let i = 0; i < 5; i += 1) {
      const { documentId } = await invoices.issue((await fulfilled()).documentId, {}, ACTOR);
      pdfTimes.push(await timed(() => invoices.makePdf(documentId)));
    }
    const [engineMs, bareMs, floorMs] = [median(times.engine), median(times.bare), median(times.floor)];
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines: LINES,
        samples: SAMPLES,
        issue: {
          engineMs: round(engineMs),
          bareWritesMs: round(bareMs),
          ratioToBareWrites: round(engineMs / bareMs),
          floorMs: round(floorMs),
          ratioToFloor: round(engineMs / floorMs),
        },
        pdfMs: round(median(pdfTimes)),
        goal: 'issue ratioToBareWrites <= 2; the PDF apart',
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
