/**
 * Fifty finalizes race for the last ten units. On PostgreSQL (DATABASE_CLIENT=postgres) they run
 * as truly concurrent transactions on a pool of connections; on SQLite they are serialised.
 * Either way exactly ten book, forty answer 409, and nothing is oversold.
 */
import { createOrder, createStockItem, ledgerDisagreements, onHand } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

test('50 concurrent finalizes for the last 10 units book exactly 10', async () => {
  const item = await createStockItem(app.admin, { onHand: '10' });
  const orders = [];
  for (let i = 0; i < 50; i += 1) orders.push(await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]));

  const responses = await Promise.all(
    orders.map((order) => app.admin.post(`/orders/orders/${order.documentId}/actions/finalize`))
  );

  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(10);
  expect(statuses.filter((status) => status === 409)).toHaveLength(40);
  for (const refused of responses.filter((response) => response.status === 409)) {
    expect(refused.body.error.details.shortages).toEqual([{ sku: item.sku, requested: '1', available: '0' }]);
  }
  expect(await onHand(app.admin, item.documentId)).toBe('0');

  const finalized = await app.admin.get('/orders/orders?state=finalized&pageSize=100');
  expect(finalized.body.meta.pagination.total).toBe(10);
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
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
