/**
 * Hostile use of well-formed requests, the second half of hostile.test.ts (which is about
 * requests that are not well-formed): what must stay unique under concurrency, amounts that would
 * overflow, and retries that would create twice. On PostgreSQL the concurrent cases run from two
 * app processes on one database.
 */
import { usesPostgres } from '../helpers/database';
import { createStockItem, ledgerDisagreements } from '../helpers/fixtures';
import { startSecondProcess, type SecondProcess } from '../helpers/second-process';
import { startApp, type Api, type TestApp } from '../helpers/strapi';

let app: TestApp;
/** Every request of a race goes alternately to this process and, on PostgreSQL, to a second one. */
let apis: Api[];
let second: SecondProcess | undefined;

beforeAll(async () => {
  app = await startApp();
  apis = [app.admin];
  if (usesPostgres()) {
    second = await startSecondProcess();
    apis.push(app.admin.at(second.url));
  }
});
afterAll(async () => {
  await second?.stop();
  await app?.stop();
});
afterEach(async () => {
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});

const race = <T>(count: number, send: (api: Api, index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, index) => send(apis[index % apis.length], index)));

const statusesOf = (responses: Array<{ status: number }>) =>
  responses.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe('a SKU stays unique however many ask for it at once', () => {
  test('20 concurrent creates of one SKU: one stock item, 19 refusals naming the SKU', async () => {
    const responses = await race(20, (api) =>
      api.post('/orders/stock-items', { sku: 'RACE-1', name: 'Verseny', unitPrice: '100', vatRate: '27', onHand: '1' })
    );
    expect(statusesOf(responses)).toEqual({ 201: 1, 400: 19 });
    for (const refused of responses.filter((response) => response.status === 400)) {
      expect(refused.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['sku'], code: 'skuTaken', values: { sku: 'RACE-1' } }),
      ]);
    }
    expect(await app.strapi.db.query('plugin::orders.stock-item').count({ where: { sku: 'RACE-1' } })).toBe(1);
    // The winner's initial stock, and no other.
    expect(await app.strapi.db.query('plugin::orders.stock-movement').count({ where: { stockItem: { sku: 'RACE-1' } } })).toBe(1);
  });

  test('10 concurrent renames of different items to one SKU: one wins', async () => {
    const items = await Promise.all(Array.from({ length: 10 }, () => createStockItem(app.admin)));
    const responses = await race(10, (api, i) => api.put(`/orders/stock-items/${items[i].documentId}`, { sku: 'RACE-2' }));
    expect(statusesOf(responses)).toEqual({ 200: 1, 400: 9 });
    expect(await app.strapi.db.query('plugin::orders.stock-item').count({ where: { sku: 'RACE-2' } })).toBe(1);
  });

  test('a database that already holds a SKU twice starts, names the SKU, and gets its index once mended', async () => {
    const table = app.strapi.db.metadata.get('plugin::orders.stock-item').tableName;
    const index = `${table}_sku_unique`;
    const knex = app.strapi.db.connection;
    const hasIndex = async () =>
      usesPostgres()
        ? (await knex.raw('SELECT 1 FROM pg_indexes WHERE indexname = ?', [index])).rows.length > 0
        : (await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [index])).length > 0;
    // What a database written before the index may hold.
    await knex.raw('DROP INDEX ??', [index]);
    const [first, twin] = [await createStockItem(app.admin), await createStockItem(app.admin)];
    await knex(table).where('document_id', twin.documentId).update({ sku: first.sku });

    const started = await (await startSecondProcess()).stop();
    expect(started.output).toContain(`holds the same value more than once: "${first.sku}" (2 rows)`);
    expect(await hasIndex()).toBe(false);
    // Meanwhile the plugin's own check still refuses a third.
    const third = await app.admin.post('/orders/stock-items', { sku: first.sku, name: 'x', unitPrice: '1', vatRate: '27' });
    expect(third.body.error.details.errors[0].code).toBe('skuTaken');

    expect((await app.admin.put(`/orders/stock-items/${twin.documentId}`, { sku: `${first.sku}-B` })).status).toBe(200);
    const mended = await (await startSecondProcess()).stop();
    expect(mended.output).not.toContain('more than once');
    expect(await hasIndex()).toBe(true);
  });
});

describe('amounts that would overflow are refused, naming the line', () => {
  const order = (items: Array<Record<string, unknown>>, currency = 'HUF') =>
    app.admin.post('/orders/orders', { customer: { name: 'Nagy Összeg' }, currency, items });
  const counts = async () => ({
    orders: await app.strapi.db.query('plugin::orders.order').count(),
    lines: await app.strapi.db.query('plugin::orders.order-item').count(),
  });

  test('the issue’s case: 999 999 999.999 × 999 999 999 999 Ft is refused, and the list still reads', async () => {
    const before = await counts();
    const response = await order([{ name: 'x', unit: 'kg', quantity: '999999999.999', unitPrice: '999999999999' }]);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['items', '0'], code: 'lineTooLarge', values: { limit: '1000000000000000' } }),
    ]);
    expect(await counts()).toEqual(before);
    expect((await app.admin.get('/orders/orders')).status).toBe(200);
  });

  test('the largest line accepted is stored and read back exactly, in the list too', async () => {
    // 1000 × 787 401 574 803 Ft = 787 401 574 803 000 Ft net + 27 % VAT: 999 999 999 999 810 Ft, just below 10^15.
    const totals = { net: '787401574803000', vat: '212598425196810', gross: '999999999999810' };
    const response = await order([{ name: 'A legnagyobb', quantity: '1000', unitPrice: '787401574803' }]);
    expect(response.status).toBe(201);
    expect(response.body.data.totals).toMatchObject(totals);
    const list = await app.admin.get('/orders/orders?sort=gross:desc&pageSize=1');
    expect(list.status).toBe(200);
    expect(list.body.data[0].totals).toEqual(totals);
    const again = await app.admin.get(`/orders/orders/${response.body.data.documentId}`);
    expect(again.body.data.items[0]).toMatchObject({ quantity: '1000', unitPrice: '787401574803', gross: totals.gross });
  });

  test('a thousandth more of that line is refused', async () => {
    const response = await order([{ name: 'x', unit: 'kg', quantity: '1000.001', unitPrice: '787401574803' }]);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['items', '0'], code: 'lineTooLarge' });
  });

  test('lines each below the limit whose sum is not are refused as an order', async () => {
    const line = { name: 'harmad', quantity: '1000', unitPrice: '400000000000', vatRate: '0' };
    const response = await order([line, line, line]);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['items'], code: 'orderTooLarge' })]);
  });

  test('a coupon line may be negative, but not beyond the limit either', async () => {
    expect((await order([{ name: 'Kupon', quantity: '1', unitPrice: '-1000', vatRate: '27' }])).status).toBe(201);
    const response = await order([{ name: 'Kupon', quantity: '999999999', unitPrice: '-999999999999' }]);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['items', '0'], code: 'lineTooLarge' });
  });

  test('in EUR the limit is ten trillion euros, to the cent', async () => {
    const response = await order([{ name: 'x', quantity: '1000', unitPrice: '10000000000' }], 'EUR');
    expect(response.body.error.details.errors[0]).toMatchObject({ code: 'lineTooLarge', values: { limit: '10000000000000.00' } });
  });

  test('a stock item’s price may not be negative', async () => {
    const response = await app.admin.post('/orders/stock-items', { sku: 'NEG-1', name: 'x', unitPrice: '-500', vatRate: '27' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['unitPrice'], code: 'negative' });
  });

  test('stock on hand cannot be driven past a trillion units by adjustments', async () => {
    const item = await createStockItem(app.admin, { onHand: '1', unit: 'kg' });
    // A thousand adjustments' worth, written as if they had happened: the item and its first movement agree.
    const nearly = '999000000000000';
    const knex = app.strapi.db.connection;
    await knex(app.strapi.db.metadata.get('plugin::orders.stock-item').tableName)
      .where('document_id', item.documentId)
      .update({ on_hand_milli: nearly });
    const [movement] = await app.strapi.db
      .query('plugin::orders.stock-movement')
      .findMany({ where: { stockItem: { documentId: item.documentId } } });
    await app.strapi.db
      .query('plugin::orders.stock-movement')
      .update({ where: { id: movement.id }, data: { quantityMilli: nearly, balanceAfterMilli: nearly } });

    const adjust = () =>
      app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, { delta: '999999999.999', reason: 'felhalmozás' });
    expect((await adjust()).status).toBe(201);
    const refused = await adjust();
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ code: 'stockLimit', sku: item.sku, limit: '1000000000000' });
    expect((await app.admin.get(`/orders/stock-items/${item.documentId}`)).body.data.onHand).toBe('999999999999.999');
  });
});

describe('a retry with the same Idempotency-Key never creates or moves anything twice', () => {
  let keys = 0;
  const newKey = () => `test-key-${process.pid}-${(keys += 1)}`;
  const withKey = (api: Api, key: string, url: string, body: object) => api.postWith({ 'Idempotency-Key': key }, url, body);
  const count = (uid: string) => app.strapi.db.query(uid).count();
  const newOrder = { customer: { name: 'Ismétlő Ida' }, items: [{ name: 'Kávé', quantity: '1', unitPrice: '990' }] };

  test('the same POST twice with one key makes one order and one customer, and answers the first answer again', async () => {
    const key = newKey();
    const [orders, customers] = [await count('plugin::orders.order'), await count('plugin::orders.customer')];
    const first = await withKey(app.admin, key, '/orders/orders', newOrder);
    const again = await withKey(app.admin, key, '/orders/orders', newOrder);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('plugin::orders.order')).toBe(orders + 1);
    expect(await count('plugin::orders.customer')).toBe(customers + 1);
  });

  test('a stock item and an adjustment sent twice with a key are made once', async () => {
    const [createKey, adjustKey] = [newKey(), newKey()];
    const item = { sku: `IDEM-${createKey}`, name: 'Kulcsos', unitPrice: '10', vatRate: '27', onHand: '1' };
    const first = await withKey(app.admin, createKey, '/orders/stock-items', item);
    expect((await withKey(app.admin, createKey, '/orders/stock-items', item)).body).toEqual(first.body);
    const url = `/orders/stock-items/${first.body.data.documentId}/adjustments`;
    await withKey(app.admin, adjustKey, url, { delta: '4', reason: 'árubeérkezés' });
    const again = await withKey(app.admin, adjustKey, url, { delta: '4', reason: 'árubeérkezés' });
    expect(again.body.data.onHand).toBe('5');
    expect((await app.admin.get(`/orders/stock-items/${first.body.data.documentId}`)).body.data.onHand).toBe('5');
  });

  test('the same key with another body, or on another route, is refused with 422', async () => {
    const key = newKey();
    await withKey(app.admin, key, '/orders/orders', newOrder);
    const other = await withKey(app.admin, key, '/orders/orders', { ...newOrder, note: 'más' });
    expect(other.status).toBe(422);
    expect(other.body.error.details).toMatchObject({ code: 'idempotencyKeyReused', key });
    const elsewhere = await withKey(app.admin, key, '/orders/stock-items', { sku: 'IDEM-1', name: 'x', unitPrice: '1', vatRate: '27' });
    expect(elsewhere.status).toBe(422);
  });

  test('the same body with its keys in another order is the same request', async () => {
    const key = newKey();
    const first = await withKey(app.admin, key, '/orders/orders', newOrder);
    const { items, customer } = newOrder;
    const again = await withKey(app.admin, key, '/orders/orders', { items, customer });
    expect(again.status).toBe(201);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);
  });

  test('a finalize retried after it committed gets its answer, not "already finalized"', async () => {
    const item = await createStockItem(app.admin, { onHand: '3' });
    const order = (
      await app.admin.post('/orders/orders', { customer: { name: 'x' }, items: [{ stockItem: item.documentId, quantity: '2' }] })
    ).body.data;
    const key = newKey();
    const url = `/orders/orders/${order.documentId}/actions/finalize`;
    const first = await withKey(app.admin, key, url, {});
    const retry = await withKey(app.admin, key, url, {});
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
    expect((await app.admin.get(`/orders/stock-items/${item.documentId}`)).body.data.onHand).toBe('1');
    // Without the key, the same request is a second finalize, and the lifecycle refuses it.
    expect((await app.admin.post(url, {})).status).toBe(409);
  });

  test('a refusal is not kept: once the stock is there, a retry with the same key goes through', async () => {
    const item = await createStockItem(app.admin, { onHand: '1' });
    const order = (
      await app.admin.post('/orders/orders', { customer: { name: 'x' }, items: [{ stockItem: item.documentId, quantity: '2' }] })
    ).body.data;
    const key = newKey();
    const url = `/orders/orders/${order.documentId}/actions/finalize`;
    expect((await withKey(app.admin, key, url, {})).status).toBe(409);
    await app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, { delta: '5', reason: 'árubeérkezés' });
    expect((await withKey(app.admin, key, url, {})).status).toBe(200);
  });

  test('ten at once with one key, across app processes: one order; the others wait their turn (409) or get its answer', async () => {
    const key = newKey();
    const orders = await count('plugin::orders.order');
    const responses = await race(10, (api) => withKey(api, key, '/orders/orders', newOrder));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    for (const busy of responses.filter((response) => response.status === 409))
      expect(busy.body.error.details.code).toBe('idempotencyKeyInUse');
    const created = new Set(responses.filter((response) => response.status === 201).map((response) => response.body.data.documentId));
    expect(created.size).toBe(1);
    expect(await count('plugin::orders.order')).toBe(orders + 1);
  });

  test('keys are each admin’s own: another admin’s same key is another request', async () => {
    const key = newKey();
    const other = await app.as(['plugin::orders.order.create', 'plugin::orders.order.read']);
    const mine = await withKey(app.admin, key, '/orders/orders', newOrder);
    const theirs = await withKey(other, key, '/orders/orders', newOrder);
    expect(theirs.status).toBe(201);
    expect(theirs.body.data.documentId).not.toBe(mine.body.data.documentId);
  });

  test('an answer is kept for 24 hours, then the key is free again', async () => {
    const key = newKey();
    const first = await withKey(app.admin, key, '/orders/orders', newOrder);
    const day = 24 * 60 * 60 * 1000;
    await app.strapi.db
      .query('plugin::orders.idempotency-key')
      .updateMany({ where: { key }, data: { createdAt: new Date(Date.now() - day - 60_000) } });
    const later = await withKey(app.admin, key, '/orders/orders', { ...newOrder, note: 'másnap' });
    expect(later.status).toBe(201);
    expect(later.body.data.documentId).not.toBe(first.body.data.documentId);
  });

  test('a key that is not 1 to 255 visible characters is refused, naming the header', async () => {
    for (const key of ['x'.repeat(256), 'két szó']) {
      const response = await withKey(app.admin, key, '/orders/orders', newOrder);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0]).toMatchObject({ path: ['Idempotency-Key'], code: 'notIdempotencyKey' });
    }
  });

  (usesPostgres() ? test : test.skip)(
    'an app process killed mid-request: every retry gets the one answer of a change that committed, or makes it now',
    async () => {
      const item = await createStockItem(app.admin, { onHand: '100' });
      const orders = [];
      for (let i = 0; i < 30; i += 1) {
        orders.push(
          (
            await app.admin.post('/orders/orders', {
              customer: { name: `Ölt ${i}` },
              items: [{ stockItem: item.documentId, quantity: '1' }],
            })
          ).body.data
        );
      }
      // Its answers wait half a second after their commit: the crash comes in that window.
      const doomed = await startSecondProcess({ ORDERS_TEST_ANSWER_DELAY_MS: '500' });
      const dying = app.admin.at(doomed.url);
      const sent = orders.map((order, i) =>
        withKey(dying, `kill-${process.pid}-${i}`, `/orders/orders/${order.documentId}/actions/finalize`, {}).then(
          (response) => response.status,
          () => 'lost'
        )
      );
      // Killed once the first finalizes have committed, while others are under way.
      const finalized = () =>
        app.strapi.db
          .query('plugin::orders.order')
          .count({ where: { state: 'finalized', documentId: { $in: orders.map((order) => order.documentId) } } });
      while ((await finalized()) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await doomed.stop('SIGKILL');
      const committed = await finalized();
      const before = await Promise.all(sent);
      const lost = before.filter((status) => status === 'lost').length;
      // Changes committed whose answers the crash lost: the case the keys are for.
      expect(committed).toBeGreaterThan(30 - lost);
      expect(lost).toBeGreaterThan(0);

      const retries = await Promise.all(
        orders.map((order, i) => withKey(app.admin, `kill-${process.pid}-${i}`, `/orders/orders/${order.documentId}/actions/finalize`, {}))
      );
      expect(retries.map((response) => response.status)).toEqual(orders.map(() => 200));
      expect(retries.every((response) => response.body.data.state === 'finalized')).toBe(true);
      expect((await app.admin.get(`/orders/stock-items/${item.documentId}`)).body.data.onHand).toBe('70');
      console.info(`killed mid-request: ${committed} of 30 finalizes had committed, ${lost} answers were lost`);
    }
  );
});
