/**
 * Customers and their segments at scale: 100 000 customers with 1 000 000 orders.
 *
 * - The daily pass (goal: under 60 s): the set-based recompute of every customer's stats and
 *   segment, timed three ways — the first pass, which writes every customer and records 100 000
 *   first segments; the next day's, which time alone moves some customers in; and a pass with
 *   nothing to change. Beside it, the bare aggregate of the counted orders the pass starts from.
 * - The customers list over HTTP (goal: under 100 ms a page): the first, middle and last page of
 *   every sort and filter the admin offers, and a search.
 *
 *   npm run build:server && node bench/customers.js                 # SQLite
 *   DATABASE_CLIENT=postgres node bench/customers.js                 # PostgreSQL on 127.0.0.1:5432
 *   BENCH_CUSTOMERS=10000 BENCH_ORDERS=100000 node bench/customers.js
 *   BENCH_DATABASE=orders_test_… DATABASE_CLIENT=postgres node bench/customers.js
 *       # again on the database an earlier run seeded and left (seeding a million orders into
 *       # PostgreSQL takes some ten minutes); it is not dropped
 */
const { createId } = require('@paralleldrive/cuid2');
const { request, serveAsBenchAdmin } = require('./admin-client');
const { bootStrapi, loadStrapi } = require('../tests/helpers/database');
const { customersRepository } = require('../src/plugins/orders/dist/server/src/features/customers/repository');
const { fillSortKeys } = require('../src/plugins/orders/dist/server/src/core/sort-keys');
const { median } = require('./measure');

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS || 1_000_000);
const ROUNDS = 7;
const PAGE_SIZE = 25;
const STATES = ['finalized', 'fulfilled', 'successful', 'successful', 'failed', 'draft'];
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 500;

const elapsed = async (run) => {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};
const seconds = (ms) => Number((ms / 1000).toFixed(2));

/** Customers, orders and their links in bulk: the engine is not what this measures. */
const seed = async (strapi, now) => {
  const db = strapi.db;
  const orders = db.metadata.get('plugin::orders.order');
  const customers = db.metadata.get('plugin::orders.customer');
  const link = orders.attributes.customer.joinTable;
  const column = (meta, name) => meta.attributes[name].columnName;
  const insert = async (table, rows) => {
    for (let i = 0; i < rows.length; i += 500) await db.connection(table).insert(rows.slice(i, i + 500));
  };
  const names = ['Kovács', 'Szabó', 'Nagy', 'Tóth', 'Horváth', 'Varga', 'Kiss', 'Molnár'];
  for (let start = 0; start < CUSTOMERS; start += 10_000) {
    const rows = [];
    for (let i = start; i < Math.min(start + 10_000, CUSTOMERS); i += 1) {
      const createdAt = new Date(now - HISTORY_DAYS * DAY_MS);
      rows.push({
        [column(customers, 'documentId')]: createId(),
        [column(customers, 'name')]: `${names[i % names.length]} Vevő ${i}`,
        [column(customers, 'email')]: `vevo${i}@example.hu`,
        [column(customers, 'emailKey')]: `vevo${i}@example.hu`,
        [column(customers, 'phone')]: `+36 30 ${String(1_000_000 + i).slice(1)}`,
        [column(customers, 'taxNumber')]: i % 7 === 0 ? `${String(10_000_000 + i).slice(0, 8)}-2-13` : null,
        [column(customers, 'createdAt')]: createdAt,
        [column(customers, 'updatedAt')]: createdAt,
      });
    }
    await insert(customers.tableName, rows);
  }
  const customerIds = (await db.connection(customers.tableName).select('id').orderBy('id')).map((row) => row.id);

  // Customers buy unevenly: a few often, many once or never, over the last HISTORY_DAYS days.
  for (let start = 0; start < ORDERS; start += 10_000) {
    const rows = [];
    const owners = [];
    for (let i = start; i < Math.min(start + 10_000, ORDERS); i += 1) {
      const gross = 1_000 + ((i * 7919) % 90_000);
      // Squared, so that low ids buy far more often than high ones; a fifth of customers never do.
      const r = ((i * 2_654_435_761) % 1_000_003) / 1_000_003;
      const owner = Math.floor(r * r * CUSTOMERS * 0.8);
      // Each customer buys within a season of their own, which ended 0 to 400 days ago.
      const createdAt = new Date(now - ((owner * 37) % 400) * DAY_MS - ((i * 104_729) % (90 * DAY_MS)));
      rows.push({
        [column(orders, 'documentId')]: createId(),
        [column(orders, 'number')]: `BENCH-${String(i + 1).padStart(8, '0')}`,
        [column(orders, 'source')]: 'manual',
        [column(orders, 'state')]: STATES[i % STATES.length],
        [column(orders, 'currency')]: 'HUF',
        [column(orders, 'customerName')]: 'x',
        [column(orders, 'netTotalMinor')]: String(Math.round(gross / 1.27)),
        [column(orders, 'vatTotalMinor')]: String(gross - Math.round(gross / 1.27)),
        [column(orders, 'grossTotalMinor')]: String(gross),
        [column(orders, 'lineCount')]: 1,
        [column(orders, 'createdAt')]: createdAt,
        [column(orders, 'updatedAt')]: createdAt,
      });
      owners.push(customerIds[owner]);
    }
    const first = await db.connection(orders.tableName).max({ id: 'id' }).first();
    await insert(orders.tableName, rows);
    const ids = (
      await db
        .connection(orders.tableName)
        .where('id', '>', first.id ?? 0)
        .select('id')
        .orderBy('id')
    ).map((row) => row.id);
    await insert(
      link.name,
      ids.map((id, k) => ({
        [link.joinColumn.name]: id,
        [link.inverseJoinColumn.name]: owners[k],
        ...(link.inverseOrderColumnName ? { [link.inverseOrderColumnName]: 1 } : {}),
      }))
    );
  }
  if (db.dialect.client === 'postgres') await db.connection.raw('VACUUM ANALYZE');
};

/** The passes, each timed, and the bare aggregate they start from. */
const dailyPasses = async (strapi, now) => {
  const segments = strapi.plugin('orders').service('segments');
  const link = strapi.db.metadata.get('plugin::orders.order').attributes.customer.joinTable;
  const bare = await elapsed(() =>
    strapi.db.connection.raw(
      `SELECT COUNT(*) AS n FROM (SELECT l.${link.inverseJoinColumn.name}, COUNT(*), SUM(o.gross_total_minor), MAX(o.created_at)
       FROM orders_orders o JOIN ${link.name} l ON l.${link.joinColumn.name} = o.id
       WHERE o.state IN ('finalized', 'fulfilled', 'successful') GROUP BY l.${link.inverseJoinColumn.name}) s`
    )
  );
  const first = await elapsed(() => segments.recompute('all', now));
  const nextDay = await elapsed(() => segments.recompute('all', new Date(now.getTime() + DAY_MS)));
  const again = await elapsed(() => segments.recompute('all', new Date(now.getTime() + DAY_MS)));
  console.log(
    JSON.stringify({
      bareAggregateSeconds: seconds(bare.ms),
      firstPass: { seconds: seconds(first.ms), ...first.result },
      nextDay: { seconds: seconds(nextDay.ms), ...nextDay.result },
      nothingToChange: { seconds: seconds(again.ms), ...again.result },
      ratioFirstPassToBareAggregate: Number((first.ms / bare.ms).toFixed(1)),
      goal: 'seconds < 60',
    })
  );
};

const listPages = async (strapi) => {
  // What autovacuum does to a live database after a pass that rewrote every customer (here it may
  // not have run yet): fresh statistics, and a visibility map for index-only scans.
  if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE orders_customers');
  const { base, token } = await serveAsBenchAdmin(strapi);
  const scenarios = {
    'default (createdAt:desc)': '',
    'sort=name:asc': 'sort=name:asc',
    'sort=lastOrderAt:desc': 'sort=lastOrderAt:desc',
    'sort=totalSpent:desc': 'sort=totalSpent:desc',
    'sort=ordersCount:desc': 'sort=ordersCount:desc',
    'segment=loyal': 'segment=loyal',
    'segment=lost, sort=totalSpent:desc': 'segment=lost&sort=totalSpent:desc',
    'q=vevo4242 (e-mail)': 'q=vevo4242',
    'q=Kovács (name)': 'q=Kov%C3%A1cs',
  };
  for (let i = 0; i < 3; i += 1) await request(`${base}/orders/customers`, token);
  const timePage = async (query, page) => {
    const times = [];
    let total = 0;
    const url = `${base}/orders/customers?${[query, page > 1 ? `page=${page}` : ''].filter(Boolean).join('&')}`;
    for (let i = 0; i < ROUNDS; i += 1)
      times.push((await elapsed(async () => (total = (await request(url, token)).meta.pagination.total))).ms);
    return { total, ms: Number(median(times).toFixed(1)) };
  };
  const slowest = [];
  for (const [name, query] of Object.entries(scenarios)) {
    const first = await timePage(query, 1);
    const pageCount = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const middle = await timePage(query, Math.ceil(pageCount / 2));
    const last = await timePage(query, pageCount);
    slowest.push(Math.max(first.ms, middle.ms, last.ms));
    console.log(JSON.stringify({ scenario: name, total: first.total, ms: { first: first.ms, middle: middle.ms, last: last.ms } }));
  }
  const overview = await timePage('', 1).then(async () => {
    const times = [];
    for (let i = 0; i < ROUNDS; i += 1) times.push((await elapsed(() => request(`${base}/orders/customers/overview`, token))).ms);
    return Number(median(times).toFixed(1));
  });
  console.log(JSON.stringify({ slowestPageMs: Math.max(...slowest), overviewMs: overview, goal: 'ms < 100' }));
};

/** A fresh database, or the one BENCH_DATABASE names (already seeded: its segments are reset). */
const open = async () => {
  if (!process.env.BENCH_DATABASE) return { ...(await loadStrapi()), seeded: false };
  process.env.DATABASE_NAME = process.env.BENCH_DATABASE;
  const strapi = await bootStrapi();
  await strapi.db.connection('orders_customer_segment_changes_customer_lnk').delete();
  await strapi.db.connection('orders_customer_segment_changes').delete();
  await strapi.db
    .connection('orders_customers')
    .update({ segment: null, segment_changed_at: null, orders_count: 0, successful_count: 0, total_spent_minor: 0, last_order_at: null });
  await strapi.db.connection('admin_users').where({ email: 'bench@orders.local' }).delete();
  return { strapi, stop: () => strapi.destroy(), seeded: true };
};

const main = async () => {
  const { strapi, stop, seeded: reused } = await open();
  try {
    const now = new Date();
    const seeded = reused ? { ms: 0 } : await elapsed(() => seed(strapi, now));
    // Seeded in bulk without search keys and name sort keys: the start-up migrations write them.
    await customersRepository(strapi).fillSearchKeys();
    await fillSortKeys(strapi);
    console.log(
      JSON.stringify({ database: strapi.db.dialect.client, customers: CUSTOMERS, orders: ORDERS, seededInSeconds: seconds(seeded.ms) })
    );
    await dailyPasses(strapi, now);
    await listPages(strapi);
  } finally {
    await stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
