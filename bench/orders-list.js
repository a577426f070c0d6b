/**
 * The orders list with 100 000 orders in the database: how long one page takes over HTTP,
 * per filter and sort the admin offers — its first, middle and last page (goal: under 100 ms a
 * page, deep pages included) —, against the bare database work of the same run: the engine's
 * queries for the default sort's first and middle page, issued directly. The rows are seeded in
 * bulk without search keys and name sort keys, which the start-up migrations then write (timed:
 * what a database from before the keys pays once).
 *
 *   node bench/orders-list.js                              # SQLite
 *   DATABASE_CLIENT=postgres node bench/orders-list.js     # PostgreSQL on 127.0.0.1:5432
 *   BENCH_ORDERS=20000 node bench/orders-list.js           # a smaller database
 */
const { createId } = require('@paralleldrive/cuid2');
const { request, serveAsBenchAdmin } = require('./admin-client');
const { loadStrapi } = require('../tests/helpers/database');
const { fillSearchKeys } = require('../src/plugins/orders/dist/server/src/features/orders/search-keys');
const { fillSortKeys } = require('../src/plugins/orders/dist/server/src/core/sort-keys');

const ORDERS = Number(process.env.BENCH_ORDERS || 100_000);
const CUSTOMERS = 2_000;
const ROUNDS = 11;
const PAGE_SIZE = 25; // the API's default, which the admin uses
const STATES = ['draft', 'finalized', 'fulfilled', 'successful', 'failed'];
const STATUSES = [null, null, 'processing', 'awaiting-confirmation', 'in-delivery'];
const YEAR_MS = 365 * 86_400_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const elapsed = async (run) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const customerName = (i) => `${['Kovács', 'Szabó', 'Nagy', 'Tóth', 'Horváth'][i % 5]} Vevő ${i}`;

/** Orders, customers and their links written in bulk: the engine is not what this measures. */
const seed = async (strapi) => {
  const db = strapi.db;
  const orders = db.metadata.get('plugin::orders.order');
  const customers = db.metadata.get('plugin::orders.customer');
  const link = orders.attributes.customer.joinTable;
  const column = (meta, name) => meta.attributes[name].columnName;
  const now = Date.now();
  const insert = async (table, rows) => {
    for (let i = 0; i < rows.length; i += 500) await db.connection(table).insert(rows.slice(i, i + 500));
  };

  await insert(
    customers.tableName,
    Array.from({ length: CUSTOMERS }, (_, i) => ({
      [column(customers, 'documentId')]: createId(),
      [column(customers, 'name')]: customerName(i),
      [column(customers, 'email')]: `vevo${i}@example.hu`,
      [column(customers, 'phone')]: `+36 30 123 ${String(i).padStart(4, '0')}`,
      [column(customers, 'createdAt')]: new Date(now),
      [column(customers, 'updatedAt')]: new Date(now),
    }))
  );
  const customerIds = (await db.connection(customers.tableName).select('id')).map((row) => row.id);

  const batch = 10_000;
  for (let start = 0; start < ORDERS; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(start + batch, ORDERS); i += 1) {
      const gross = 1_000 + ((i * 7919) % 500_000);
      const createdAt = new Date(now - YEAR_MS + Math.floor((i / ORDERS) * YEAR_MS));
      rows.push({
        [column(orders, 'documentId')]: createId(),
        [column(orders, 'number')]: `BENCH-${String(i + 1).padStart(7, '0')}`,
        [column(orders, 'source')]: i % 3 === 0 ? 'webshop' : 'manual',
        [column(orders, 'state')]: STATES[i % STATES.length],
        [column(orders, 'customStatus')]: STATUSES[i % STATUSES.length],
        [column(orders, 'currency')]: 'HUF',
        [column(orders, 'customerName')]: customerName(i % CUSTOMERS),
        [column(orders, 'netTotalMinor')]: String(Math.round(gross / 1.27)),
        [column(orders, 'vatTotalMinor')]: String(gross - Math.round(gross / 1.27)),
        [column(orders, 'grossTotalMinor')]: String(gross),
        [column(orders, 'lineCount')]: 1 + (i % 5),
        [column(orders, 'createdAt')]: createdAt,
        [column(orders, 'updatedAt')]: createdAt,
      });
    }
    await insert(orders.tableName, rows);
  }
  const orderIds = (await db.connection(orders.tableName).select('id').orderBy('id')).map((row) => row.id);
  await insert(
    link.name,
    orderIds.map((id, i) => ({
      [link.joinColumn.name]: id,
      [link.inverseJoinColumn.name]: customerIds[i % CUSTOMERS],
      ...(link.orderColumnName ? { [link.orderColumnName]: 1 } : {}),
    }))
  );
  // What autovacuum does to a live database after such a load (here it may be off): fresh
  // statistics, and a visibility map, without which an index-only scan still reads the table.
  if (db.dialect.client === 'postgres') await db.connection.raw('VACUUM ANALYZE');
};

const main = async () => {
  const { strapi, stop } = await loadStrapi();
  try {
    const seeded = await elapsed(() => seed(strapi));
    const keyed = await elapsed(() => fillSearchKeys(strapi));
    const sortKeyed = await elapsed(() => fillSortKeys(strapi));
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
    const { base, token } = await serveAsBenchAdmin(strapi);

    const orders = strapi.db.metadata.get('plugin::orders.order');
    // The engine's queries for a page of the default sort, issued directly: the page's ids (a
    // deferred join), its orders and the count.
    const bare = async (offset) => {
      const [ids] = await Promise.all([
        strapi.db
          .connection(orders.tableName)
          .select('id')
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(PAGE_SIZE)
          .offset(offset),
        strapi.db.connection(orders.tableName).count({ count: '*' }),
      ]);
      await strapi.db
        .connection(orders.tableName)
        .select('*')
        .whereIn(
          'id',
          ids.map((row) => row.id)
        );
    };
    const month = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 7);
    const scenarios = {
      'default (createdAt:desc)': '',
      'sort=createdAt:asc': 'sort=createdAt:asc',
      'sort=number:asc': 'sort=number:asc',
      'sort=gross:desc': 'sort=gross:desc',
      'sort=state:asc': 'sort=state:asc',
      'sort=customer:asc': 'sort=customer:asc',
      'state=finalized': 'state=finalized',
      'customStatus=in-delivery': 'customStatus=in-delivery',
      'source=webshop': 'source=webshop',
      [`from/to one month (${month})`]: `from=${month}-01&to=${month}-28`,
      'q=BENCH-0099 (number)': 'q=BENCH-0099',
      'q=Kovács (customer)': 'q=Kov%C3%A1cs',
      'q=kovacs (customer, no accents)': 'q=kovacs',
      'q=vevo1234@ (e-mail)': 'q=vevo1234%40',
      'q=301230042 (phone, as digits)': 'q=301230042',
    };

    for (let i = 0; i < 3; i += 1) await request(`${base}/orders/orders`, token);
    const bareMs = async (offset) => {
      const times = [];
      for (let i = 0; i < ROUNDS; i += 1) times.push(await elapsed(() => bare(offset)));
      return Number(median(times).toFixed(2));
    };
    const bareFirstPageMs = await bareMs(0);
    const bareMiddlePageMs = await bareMs((Math.ceil(ORDERS / PAGE_SIZE / 2) - 1) * PAGE_SIZE);
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        orders: ORDERS,
        seededInSeconds: Number((seeded / 1000).toFixed(1)),
        searchKeysMigratedInSeconds: Number((keyed / 1000).toFixed(1)),
        sortKeysMigratedInSeconds: Number((sortKeyed / 1000).toFixed(1)),
        bareFirstPageMs,
        bareMiddlePageMs,
      })
    );
    const timePage = async (query, page) => {
      const times = [];
      let total = 0;
      const url = `${base}/orders/orders?${[query, page > 1 ? `page=${page}` : ''].filter(Boolean).join('&')}`;
      for (let i = 0; i < ROUNDS; i += 1) {
        times.push(await elapsed(async () => (total = (await request(url, token)).meta.pagination.total)));
      }
      return { total, ms: Number(median(times).toFixed(1)) };
    };
    // Each scenario's first page, the page in the middle and the last: OFFSET costs grow with depth.
    const slowest = [];
    for (const [name, query] of Object.entries(scenarios)) {
      const first = await timePage(query, 1);
      const pageCount = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
      const middle = await timePage(query, Math.ceil(pageCount / 2));
      const last = await timePage(query, pageCount);
      const pages = { first: first.ms, [`middle (page ${Math.ceil(pageCount / 2)})`]: middle.ms, [`last (page ${pageCount})`]: last.ms };
      slowest.push(Math.max(first.ms, middle.ms, last.ms));
      console.log(
        JSON.stringify({
          scenario: name,
          total: first.total,
          ms: pages,
          ratioToBareFirstPage: Number((Math.max(first.ms, middle.ms, last.ms) / bareFirstPageMs).toFixed(1)),
        })
      );
    }
    console.log(JSON.stringify({ slowestPageMs: Math.max(...slowest), goal: 'ms < 100' }));
  } finally {
    await stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
