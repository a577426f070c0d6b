/**
 * The home page's glance with 100 000 orders over a year and 5 000 stock items: how long
 * GET /orders/overview (the sales of the day and the month, 30 days of series, the open orders)
 * and GET /orders/overview/low-stock take over HTTP, against the bare database work of the same
 * run — a count of every order, the least a glance over all orders could cost.
 *
 *   node bench/overview.js                              # SQLite
 *   DATABASE_CLIENT=postgres node bench/overview.js     # PostgreSQL on 127.0.0.1:5432
 *   BENCH_ORDERS=20000 node bench/overview.js           # a smaller database
 */
const { createId } = require('@paralleldrive/cuid2');
const { request, serveAsBenchAdmin } = require('./admin-client');
const { loadStrapi } = require('../tests/helpers/database');

const ORDERS = Number(process.env.BENCH_ORDERS || 100_000);
const ITEMS = 5_000;
const ROUNDS = 11;
const STATES = ['draft', 'finalized', 'fulfilled', 'successful', 'failed'];
const STATUSES = [null, null, 'processing', 'awaiting-confirmation', 'in-delivery'];
const YEAR_MS = 365 * 86_400_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const elapsed = async (run) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const timed = async (run) => {
  const times = [];
  for (let i = 0; i < ROUNDS; i += 1) times.push(await elapsed(run));
  return Number(median(times).toFixed(2));
};

/** Orders and stock items written in bulk: the engine is not what this measures. */
const seed = async (strapi) => {
  const db = strapi.db;
  const orders = db.metadata.get('plugin::orders.order');
  const items = db.metadata.get('plugin::orders.stock-item');
  const column = (meta, name) => meta.attributes[name].columnName;
  const now = Date.now();
  const insert = async (table, rows) => {
    for (let i = 0; i < rows.length; i += 500) await db.connection(table).insert(rows.slice(i, i + 500));
  };
  for (let start = 0; start < ORDERS; start += 10_000) {
    const rows = [];
    for (let i = start; i < Math.min(start + 10_000, ORDERS); i += 1) {
      const gross = 1_000 + ((i * 7919) % 500_000);
      const createdAt = new Date(now - YEAR_MS + Math.floor((i / ORDERS) * YEAR_MS));
      rows.push({
        [column(orders, 'documentId')]: createId(),
        [column(orders, 'number')]: `BENCH-${String(i + 1).padStart(7, '0')}`,
        [column(orders, 'source')]: 'manual',
        [column(orders, 'state')]: STATES[i % STATES.length],
        [column(orders, 'customStatus')]: STATUSES[i % STATUSES.length],
        [column(orders, 'currency')]: i % 50 === 0 ? 'EUR' : 'HUF',
        [column(orders, 'netTotalMinor')]: String(gross),
        [column(orders, 'vatTotalMinor')]: '0',
        [column(orders, 'grossTotalMinor')]: String(gross),
        [column(orders, 'lineCount')]: 1,
        [column(orders, 'createdAt')]: createdAt,
        [column(orders, 'updatedAt')]: createdAt,
      });
    }
    await insert(orders.tableName, rows);
  }
  await insert(
    items.tableName,
    Array.from({ length: ITEMS }, (_, i) => ({
      [column(items, 'documentId')]: createId(),
      [column(items, 'sku')]: `BENCH-SKU-${i}`,
      [column(items, 'name')]: `Cikk ${i}`,
      [column(items, 'unit')]: 'db',
      [column(items, 'unitPriceMinor')]: '1000',
      [column(items, 'vatRate')]: '27',
      [column(items, 'onHandMilli')]: String((i % 100) * 1000),
      [column(items, 'lowStockThresholdMilli')]: i % 3 === 0 ? null : '10000',
      [column(items, 'createdAt')]: new Date(now),
      [column(items, 'updatedAt')]: new Date(now),
    }))
  );
  if (db.dialect.client === 'postgres') await db.connection.raw('VACUUM ANALYZE');
};

const main = async () => {
  const { strapi, stop } = await loadStrapi();
  try {
    const seeded = await elapsed(() => seed(strapi));
    const { base, token } = await serveAsBenchAdmin(strapi);
    const table = strapi.db.metadata.get('plugin::orders.order').tableName;

    for (let i = 0; i < 3; i += 1) await request(`${base}/orders/overview`, token);
    const bareCountMs = await timed(async () => strapi.db.connection(table).count({ count: '*' }));
    // The floor of any admin request: authentication, permission, a settings read, the JSON.
    const floorMs = await timed(() => request(`${base}/orders/custom-statuses`, token));
    const repository = require('../src/plugins/orders/dist/server/src/features/overview/repository').overviewRepository(strapi);
    const starts = Array.from({ length: 31 }, (_, i) => new Date(Date.now() - (31 - i) * 86_400_000));
    const salesSqlMs = await timed(() => repository.salesByDay(['finalized', 'fulfilled', 'successful'], starts, new Date()));
    const openSqlMs = await timed(() => repository.openByStatus(['draft', 'finalized', 'fulfilled']));
    const overviewMs = await timed(() => request(`${base}/orders/overview`, token));
    const lowStockMs = await timed(() => request(`${base}/orders/overview/low-stock`, token));
    const answer = await request(`${base}/orders/overview`, token);
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        orders: ORDERS,
        stockItems: ITEMS,
        seededInSeconds: Number((seeded / 1000).toFixed(1)),
        bareCountMs,
        floorMs,
        salesSqlMs,
        openSqlMs,
        overviewMs,
        overviewOverFloor: Number((overviewMs / floorMs).toFixed(1)),
        lowStockMs,
        lowStockOverFloor: Number((lowStockMs / floorMs).toFixed(1)),
        monthOrders: answer.data.sales.month.reduce((sum, { orders }) => sum + orders, 0),
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
