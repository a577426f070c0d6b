/**
 * How much the engine costs over the database work a finalize cannot avoid.
 *
 * Finalizes 20-line orders through the orders engine, and — interleaved, in the same run on the
 * same database — performs the bare writes of such a finalize directly: per line one conditional
 * stock UPDATE, one movement INSERT and its two link rows, all in one transaction. Prints
 * finalizes per second and the ratio engine / bare (goal: at most 2).
 *
 *   npm run bench                              # SQLite
 *   DATABASE_CLIENT=postgres npm run bench     # PostgreSQL on 127.0.0.1:5432
 */
const { createId } = require('@paralleldrive/cuid2');
const { loadStrapi } = require('../tests/helpers/database');
const { createFloor } = require('./floor');

const LINES = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND || 15);
const WARMUP = 5;
const ACTOR = { type: 'system', name: 'bench' };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const timePerCall = async (count, call) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await call();
  return Number(process.hrtime.bigint() - start) / 1e6 / count;
};

/** The writes of one 20-line finalize, issued directly: what no implementation can skip. */
const bareFinalize = (strapi, itemIds, orderId) => {
  const meta = (uid) => strapi.db.metadata.get(uid);
  const items = meta('plugin::orders.stock-item').tableName;
  const movement = meta('plugin::orders.stock-movement');
  const { stockItem, order } = movement.attributes;
  return strapi.db.transaction(async ({ trx }) => {
    for (const itemId of itemIds) {
      const [row] = await trx(items)
        .where('id', itemId)
        .andWhereRaw('on_hand_milli - 1000 >= 0')
        .update({ on_hand_milli: trx.raw('on_hand_milli - 1000') }, ['on_hand_milli']);
      const now = new Date();
      const [inserted] = await trx(movement.tableName).insert(
        {
          document_id: createId(),
          kind: 'order',
          quantity_milli: '-1000',
          balance_after_milli: String(row.on_hand_milli),
          reason: 'bench',
          actor: JSON.stringify(ACTOR),
          created_at: now,
          updated_at: now,
        },
        ['id']
      );
      await trx(stockItem.joinTable.name).insert({
        [stockItem.joinTable.joinColumn.name]: inserted.id,
        [stockItem.joinTable.inverseJoinColumn.name]: itemId,
      });
      await trx(order.joinTable.name).insert({
        [order.joinTable.joinColumn.name]: inserted.id,
        [order.joinTable.inverseJoinColumn.name]: orderId,
      });
    }
  });
};

const main = async () => {
  const { strapi, stop } = await loadStrapi();
  try {
    const inventory = strapi.plugin('orders').service('inventory');
    const orders = strapi.plugin('orders').service('orders');
    const stockItems = [];
    for (let i = 0; i < LINES; i += 1) {
      stockItems.push(
        await inventory.create({ sku: `BENCH-${i}`, name: `Bench item ${i}`, unitPrice: '1000', vatRate: '27', onHand: '1000000' }, ACTOR)
      );
    }
    const itemIds = (await strapi.db.query('plugin::orders.stock-item').findMany({ select: ['id'] })).map((row) => row.id);
    const lines = stockItems.map((item) => ({ stockItem: item.documentId, quantity: '1' }));
    const drafts = [];
    for (let i = 0; i < WARMUP + ROUNDS * PER_ROUND; i += 1) {
      drafts.push(await orders.create({ customer: { name: 'Bench' }, items: lines }, ACTOR));
    }
    const orderIds = (await strapi.db.query('plugin::orders.order').findMany({ select: ['id'] })).map((row) => row.id);
    // The floor writes its orders' state: orders of its own, never the drafts the engine finalizes.
    const floorOrders = [];
    for (let i = 0; i < 10; i += 1) floorOrders.push(await orders.create({ customer: { name: 'Floor' }, items: lines }, ACTOR));
    const floor = createFloor(strapi);
    const deltas = itemIds.map((id) => [id, -1000]);

    const finalizeNext = () => orders.transition(drafts.pop().documentId, 'finalize', {}, ACTOR);
    const bareNext = () => bareFinalize(strapi, itemIds, orderIds[Math.floor(Math.random() * orderIds.length)]);
    const floorNext = () =>
      floor.finalize({ orderDocumentId: floorOrders[Math.floor(Math.random() * floorOrders.length)].documentId, deltas });
    await timePerCall(WARMUP, finalizeNext);
    await timePerCall(WARMUP, bareNext);
    await timePerCall(WARMUP, floorNext);

    const engine = [];
    const bare = [];
    const floors = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      engine.push(await timePerCall(PER_ROUND, finalizeNext));
      bare.push(await timePerCall(PER_ROUND, bareNext));
      floors.push(await timePerCall(PER_ROUND, floorNext));
    }
    const engineMs = median(engine);
    const bareMs = median(bare);
    const floorMs = median(floors);
    console.log(
      JSON.stringify({
        database: strapi.db.dialect.client,
        lines: LINES,
        finalizes: ROUNDS * PER_ROUND,
        engineMsPerFinalize: Number(engineMs.toFixed(2)),
        bareMsPerFinalize: Number(bareMs.toFixed(2)),
        finalizesPerSecond: Number((1000 / engineMs).toFixed(1)),
        ratioToBareWrites: Number((engineMs / bareMs).toFixed(2)),
        floorMsPerFinalize: Number(floorMs.toFixed(2)),
        ratioToFloor: Number((engineMs / floorMs).toFixed(2)),
        goal: 'ratioToBareWrites <= 2; ratioToFloor <= 3',
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
