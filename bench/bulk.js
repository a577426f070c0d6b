/**
 * A bulk finalize of 1000 drafts (POST /orders/orders/bulk, the list's "select all" at its
 * largest) against the baseline of the same run: 1000 finalizes of other drafts like them, one
 * HTTP call each, as an admin pressing the button on 1000 datasheets would. Each draft holds one
 * line of a stock item of its own, so every finalize books stock. Prints both times, their ratio
 * (bulk ÷ singles), per order, and the size of the bulk's answer.
 *
 *   npm run build:server && node bench/bulk.js       # SQLite
 *   DATABASE_CLIENT=postgres node bench/bulk.js      # PostgreSQL on 127.0.0.1:5432
 *   BENCH_ORDERS=200 node bench/bulk.js              # fewer orders
 */
const { post, serveAsBenchAdmin } = require('./admin-client');
const { round, timed } = require('./measure');
const { loadStrapi } = require('../tests/helpers/database');

const ORDERS = Number(process.env.BENCH_ORDERS || 1000);
const ACTOR = { type: 'system', name: 'bench' };

/** `count` drafts of one line each, through the engine (the seed is not what is measured); their documentIds. */
const draftsOf = async (strapi, label, count) => {
  const inventory = strapi.plugin('orders').service('inventory');
  const orders = strapi.plugin('orders').service('orders');
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const item = await inventory.create(
      { sku: `${label}-${i}`, name: `Bench ${label} ${i}`, unitPrice: '1000', vatRate: '27', onHand: '10' },
      ACTOR
    );
    const order = await orders.create(
      { customer: { name: `Bench ${label} ${i}` }, items: [{ stockItem: item.documentId, quantity: '1' }] },
      ACTOR
    );
    ids.push(order.documentId);
  }
  return ids;
};

const main = async () => {
  const { strapi, stop } = await loadStrapi();
  try {
    const singles = await draftsOf(strapi, 'S', ORDERS);
    const bulk = await draftsOf(strapi, 'B', ORDERS);
    const { base, token } = await serveAsBenchAdmin(strapi);

    let refusedSingles = 0;
    const singlesMs = await timed(async () => {
      for (const id of singles) {
        const answer = await post(`${base}/orders/orders/${id}/actions/finalize`, token, {});
        if (answer.status !== 200) refusedSingles += 1;
      }
    });
    let answer;
    const bulkMs = await timed(async () => {
      answer = await post(`${base}/orders/orders/bulk`, token, { action: 'finalize', orders: bulk });
    });
    const done = answer.status === 200 ? answer.body.data.filter((result) => result.outcome === 'done').length : 0;
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        orders: ORDERS,
        singlesMs: round(singlesMs),
        singlePerOrderMs: round(singlesMs / ORDERS),
        refusedSingles,
        bulkMs: round(bulkMs),
        bulkPerOrderMs: round(bulkMs / ORDERS),
        bulkStatus: answer.status,
        bulkDone: done,
        bulkAnswerBytes: answer.bytes,
        ratio: round(bulkMs / singlesMs),
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
