/**
 * Fifty finalizes race for the last ten units. On PostgreSQL (DATABASE_CLIENT=postgres) they run
 * as truly concurrent transactions — on a pool of connections, and from two app processes; on
 * SQLite they are serialised. Either way exactly ten book, forty answer 409, nothing is oversold.
 */
import { usesPostgres } from '../helpers/database';
import { createOrder, createStockItem, ledgerDisagreements, onHand } from '../helpers/fixtures';
import { startSecondProcess } from '../helpers/second-process';
import { startApp, type Api, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** Fifty one-unit orders for an item with ten on hand, finalized at once through `apis` in turn. */
const raceForTheLastTen = async (apis: Api[]) => {
  const item = await createStockItem(app.admin, { onHand: '10' });
  const orders = [];
  for (let i = 0; i < 50; i += 1) orders.push(await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]));

  const responses = await Promise.all(
    orders.map((order, i) => apis[i % apis.length].post(`/orders/orders/${order.documentId}/actions/finalize`))
  );

  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(10);
  expect(statuses.filter((status) => status === 409)).toHaveLength(40);
  for (const refused of responses.filter((response) => response.status === 409)) {
    expect(refused.body.error.details.shortages).toEqual([{ sku: item.sku, requested: '1', available: '0' }]);
  }
  expect(await onHand(app.admin, item.documentId)).toBe('0');
  const finalized = orders.filter((_, i) => responses[i].status === 200).map((order) => order.documentId);
  for (const documentId of finalized) {
    expect((await app.admin.get(`/orders/orders/${documentId}`)).body.data.state).toBe('finalized');
  }
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
};

test('50 concurrent finalizes for the last 10 units book exactly 10', async () => {
  await raceForTheLastTen([app.admin]);
});

(usesPostgres() ? test : test.skip)('two app processes on one PostgreSQL book exactly 10 of 50', async () => {
  const second = await startSecondProcess();
  try {
    await raceForTheLastTen([app.admin, app.admin.at(second.url)]);
  } finally {
    await second.stop();
  }
});

test('concurrent transitions of one order book it once', async () => {
  const item = await createStockItem(app.admin, { onHand: '10' });
  const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '4' }]);
  const responses = await Promise.all(
    Array.from({ length: 8 }, () => app.admin.post(`/orders/orders/${order.documentId}/actions/finalize`))
  );
  expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
  expect(await onHand(app.admin, item.documentId)).toBe('6');
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});

test('8 finalizes at once of 20-line orders over the same 20 items, listed in different orders: no deadlock, none oversold', async () => {
  const items = [];
  for (let i = 0; i < 20; i += 1) items.push(await createStockItem(app.admin, { onHand: '5' }));
  const orders = [];
  for (let i = 0; i < 8; i += 1) {
    const lines = items.map((item) => ({ stockItem: item.documentId, quantity: '1' }));
    // Every order names the items in another order: the locks must be taken in one order all the same.
    const shifted = [...lines.slice(i * 3), ...lines.slice(0, i * 3)];
    orders.push(await createOrder(app.admin, i % 2 ? shifted.reverse() : shifted));
  }

  const responses = await Promise.all(orders.map((order) => app.admin.post(`/orders/orders/${order.documentId}/actions/finalize`)));

  expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 409, 409, 409]);
  for (const refused of responses.filter((response) => response.status === 409)) {
    // Every short item is named, not only the first.
    expect(refused.body.error.details.shortages).toHaveLength(20);
  }
  for (const item of items) expect(await onHand(app.admin, item.documentId)).toBe('0');
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});
