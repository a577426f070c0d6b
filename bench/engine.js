/**
 * How much the engine costs over the database work its operations cannot avoid.
 *
 * Four operations through the engine — finalize of a 20-line order, edit (release) of it, create
 * of a 20-line draft, a stock adjustment — each against its floor (floor.js: the fewest
 * statements that make the same writes, through the raw driver), one of each in turn on the same
 * database, BENCH_SAMPLES (60) times; per operation the medians and their ratio (goal: at most
 * 3). For finalize also against today's first baseline, the bare writes issued row by row
 * through Strapi's knex (goal: at most 2). On PostgreSQL, the throughput of 8 clients finalizing at
 * once over stock items of their own against one client's (goal: at least 1.5×).
 *
 *   npm run bench                              # SQLite
 *   DATABASE_CLIENT=postgres npm run bench     # PostgreSQL on 127.0.0.1:5432
 */
const { loadStrapi } = require('../tests/helpers/database');
const { bareFinalize } = require('./bare');
const { createFloor } = require('./floor');
const { median, round, timed } = require('./measure');

const LINES = 20;
const SAMPLES = Number(process.env.BENCH_SAMPLES || 60);
const WARMUP = 5;
const ACTOR = { type: 'system', name: 'bench' };

/**
 * Throughput of 8 clients finalizing at once, each its own orders over stock items of its own,
 * against one client alone (goal on PostgreSQL: at least 1.5×). Clients share this process and
 * Strapi's pool, as requests do.
 */
const concurrentFinalizes = async (strapi, inventory, orders) => {
  const CLIENTS = 8;
  const EACH = 6;
  const draftsOf = async (client, count) => {
    const lines = [];
    for (let i = 0; i < LINES; i += 1) {
      const item = await inventory.create(
        { sku: `C${client}-${i}-${count}`, name: 'Bench', unitPrice: '1000', vatRate: '27', onHand: '1000' },
        ACTOR
      );
      lines.push({ stockItem: item.documentId, quantity: '1' });
    }
    const drafts = [];
    for (let i = 0; i < count; i += 1) drafts.push((await orders.create({ customer: { name: 'Bench' }, items: lines }, ACTOR)).documentId);
    return drafts;
  };
  const finalizeAll = async (drafts) => {
    for (const documentId of drafts) await orders.transition(documentId, 'finalize', {}, ACTOR);
  };
  const alone = await draftsOf('alone', EACH * 2);
  const together = [];
  for (let client = 0; client < CLIENTS; client += 1) together.push(await draftsOf(client, EACH));
  const oneMs = await timed(() => finalizeAll(alone));
  const allMs = await timed(() => Promise.all(together.map(finalizeAll)));
  const one = (alone.length * 1000) / oneMs;
  const all = (CLIENTS * EACH * 1000) / allMs;
  return { clients: CLIENTS, finalizesPerSecondAlone: round(one), finalizesPerSecondTogether: round(all), ratio: round(all / one) };
};

const main = async () => {
  // The process sends its jobs but runs none (a process that only serves requests, as
  // docs/configuration.md#jobs describes): a finalize's order document rendered behind it and
  // a customer's segment recomputed are work after the commit, not the finalize's, and would
  // land in whichever sample runs beside them. BENCH_JOBS_WORK=true measures with them.
  process.env.ORDERS_JOBS_WORK = process.env.BENCH_JOBS_WORK || 'false';
  const { strapi, stop } = await loadStrapi();
  try {
    const inventory = strapi.plugin('orders').service('inventory');
    const orders = strapi.plugin('orders').service('orders');
    const floor = createFloor(strapi);
    const stockItems = [];
    for (let i = 0; i < LINES; i += 1) {
      stockItems.push(
        await inventory.create({ sku: `BENCH-${i}`, name: `Bench item ${i}`, unitPrice: '1000', vatRate: '27', onHand: '1000000' }, ACTOR)
      );
    }
    const itemIds = (await strapi.db.query('plugin::orders.stock-item').findMany({ select: ['id'], orderBy: { id: 'asc' } })).map(
      (row) => row.id
    );
    const lines = stockItems.map((item) => ({ stockItem: item.documentId, quantity: '1' }));
    const draft = () => orders.create({ customer: { name: 'Bench' }, items: lines }, ACTOR);
    // The engine's drafts and the floor's are apart: the floor writes its orders' state unchecked.
    const drafts = [];
    for (let i = 0; i < 10; i += 1) drafts.push(await draft());
    const floorOrders = [];
    for (let i = 0; i < 10; i += 1) floorOrders.push((await draft()).documentId);
    const floorOrder = (i) => floorOrders[i % floorOrders.length];
    // PostgreSQL plans by its statistics, which autovacuum gathers a minute or so after tables
    // fill: without them it reads every movement to find one order's. Measure it as it runs.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('ANALYZE');
    const take = itemIds.map((id) => [id, -1000]);
    const give = itemIds.map((id) => [id, 1000]);

    const operations = {
      finalize: {
        engine: (i) => orders.transition(drafts[i % drafts.length].documentId, 'finalize', {}, ACTOR),
        floor: (i) =>
          floor.transition({ orderDocumentId: floorOrder(i), deltas: take, action: 'finalize', from: 'draft', to: 'finalized' }),
        bare: (i) => bareFinalize(strapi, itemIds, i + 1),
      },
      edit: {
        engine: (i) => orders.transition(drafts[i % drafts.length].documentId, 'edit', {}, ACTOR),
        floor: (i) => floor.transition({ orderDocumentId: floorOrder(i), deltas: give, action: 'edit', from: 'finalized', to: 'draft' }),
      },
      create: {
        engine: () => draft(),
        floor: () => floor.create({ stockItemDocumentIds: stockItems.map((item) => item.documentId) }),
      },
      adjustment: {
        engine: (i) => inventory.adjust(stockItems[i % LINES].documentId, { delta: '1', reason: 'bench' }, ACTOR),
        floor: (i) => floor.adjust({ stockItemId: itemIds[i % LINES], delta: 1000 }),
      },
    };

    const times = Object.fromEntries(
      Object.entries(operations).map(([name, ways]) => [name, Object.fromEntries(Object.keys(ways).map((way) => [way, []]))])
    );
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      // Finalize and edit in turn: each edit brings the order it finalized back to a draft.
      for (const [name, ways] of Object.entries(operations)) {
        for (const [way, run] of Object.entries(ways)) {
          const ms = await timed(() => run(i));
          if (i >= WARMUP) times[name][way].push(ms);
        }
      }
    }

    const result = { database: strapi.db.dialect.client, lines: LINES, samples: SAMPLES, jobsWork: process.env.ORDERS_JOBS_WORK };
    for (const [name, ways] of Object.entries(times)) {
      const engine = median(ways.engine);
      const floorMs = median(ways.floor);
      result[name] = { engineMs: round(engine), floorMs: round(floorMs), ratioToFloor: round(engine / floorMs) };
      if (ways.bare)
        Object.assign(result[name], { bareMs: round(median(ways.bare)), ratioToBareWrites: round(engine / median(ways.bare)) });
    }
    result.finalizesPerSecond = round(1000 / result.finalize.engineMs);
    if (strapi.db.dialect.client === 'postgres') result.concurrent = await concurrentFinalizes(strapi, inventory, orders);
    result.goal = 'every ratioToFloor <= 3; finalize ratioToBareWrites <= 2; concurrent.ratio >= 1.5 (PostgreSQL)';
    console.log(JSON.stringify(result));
  } finally {
    await stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
