/**
 * Webshop deliveries through POST /api/orders/webhooks/:connectionId, against the real app: each
 * kind proves itself, every payload lands in the inbox, and however deliveries are retried,
 * duplicated, reordered or replayed, one shop order is one order and its stock is booked once.
 */
import { createStockItem, ledgerDisagreements, onHand } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';
import { inboundPath, webshopFixture, webshops, type Connection } from '../helpers/webshops';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const { http, connect, deliverWoo } = webshops(() => app);
const fixture = webshopFixture;
const path = inboundPath;

/** The Hungarian WooCommerce order of the fixtures, with another id so each test has its own. */
let externalIds = 9000;
const huOrder = (changes: Record<string, unknown> = {}) => ({
  ...JSON.parse(fixture('woocommerce_hu_order.json')),
  id: ++externalIds,
  ...changes,
});

/** Stock items for the SKUs of the Hungarian order, except the one no shop item has. */
const stockForHuOrder = async (onHandEach = '10') => {
  const items: Record<string, { documentId: string }> = {};
  for (const sku of ['BOG-001', 'KONYV-1', 'POLO-PIROS-XL']) {
    const existing = (await app.admin.get(`/orders/stock-items?q=${sku}`)).body.data.find((item: { sku: string }) => item.sku === sku);
    items[sku] = existing ?? (await createStockItem(app.admin, { sku, onHand: onHandEach }));
  }
  return items;
};

const ordersOf = async (connection: Connection) => (await app.admin.get(`/orders/orders?connection=${connection.documentId}`)).body.data;
const orderOf = async (connection: Connection) => {
  const [summary] = await ordersOf(connection);
  return summary && (await app.admin.get(`/orders/orders/${summary.documentId}`)).body.data;
};
const inboxOf = async (connection: Connection, state?: string) =>
  (await app.admin.get(`/orders/inbox?connection=${connection.documentId}${state ? `&state=${state}` : ''}&pageSize=100`)).body.data;

describe('a WooCommerce delivery', () => {
  test('is stored, processed, and makes the shop’s order with its amounts, status and customer', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const order = huOrder();
    const response = await deliverWoo(connection, order);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ state: 'processed', error: null });

    const saved = await orderOf(connection);
    expect(saved).toMatchObject({
      source: 'woocommerce',
      state: 'finalized',
      currency: 'HUF',
      externalId: String(order.id),
      externalNumber: String(order.number),
      externalStatus: 'processing',
      connection: { documentId: connection.documentId, kind: 'woocommerce' },
      totals: { gross: order.total },
      customer: { email: order.billing.email },
    });
    expect(saved.flags).toContain('unknownSku');
    const unknown = saved.items.find((item: { sku: string }) => item.sku === 'ISMERETLEN-99');
    expect(unknown.stockItem).toBeNull();
    expect(saved.history[0]).toMatchObject({ action: 'create', actor: { type: 'integration' }, to: 'finalized' });

    const [entry] = await inboxOf(connection);
    expect(entry).toMatchObject({
      state: 'processed',
      kind: 'woocommerce',
      topic: 'order.updated',
      orders: [{ documentId: saved.documentId }],
    });
    const detail = (await app.admin.get(`/orders/inbox/${entry.documentId}`)).body.data;
    expect(JSON.parse(detail.body.text)).toEqual(order);
  });

  test('replayed three times, redelivered and replayed from the inbox, books its stock once', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const before = await onHand(app.admin, items['BOG-001'].documentId);
    const order = huOrder();
    for (let i = 0; i < 3; i += 1) expect((await deliverWoo(connection, order, { deliveryId: 'same' })).status).toBe(200);
    expect((await deliverWoo(connection, order)).status).toBe(200);
    const [latest] = await inboxOf(connection, 'processed');
    const replayed = await app.admin.post(`/orders/inbox/${latest.documentId}/replay`);
    expect(replayed.status).toBe(200);
    // Linked to its order once, however often it was applied.
    expect(replayed.body.data.orders).toHaveLength(1);

    expect(await ordersOf(connection)).toHaveLength(1);
    expect(Number(await onHand(app.admin, items['BOG-001'].documentId))).toBe(Number(before) - 2);
    expect((await inboxOf(connection, 'duplicate')).length).toBe(3);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });

  test('20 at once, each its own delivery, make one order and one booking', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const before = Number(await onHand(app.admin, items['KONYV-1'].documentId));
    const order = huOrder();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => deliverWoo(connection, { ...order, customer_note: `try ${i}` }))
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(await ordersOf(connection)).toHaveLength(1);
    expect(Number(await onHand(app.admin, items['KONYV-1'].documentId))).toBe(before - 1);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });

  test('an older delivery after a newer one changes nothing', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const order = huOrder();
    await deliverWoo(connection, { ...order, status: 'completed', date_modified_gmt: '2024-07-02T10:00:00' });
    const late = await deliverWoo(connection, { ...order, status: 'processing', date_modified_gmt: '2024-07-01T08:20:30' });
    expect(late.body.data.state).toBe('ignored');
    expect((await orderOf(connection)).state).toBe('fulfilled');
  });

  test('the status follows the shop; deleted fails the order and returns its stock', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const before = Number(await onHand(app.admin, items['POLO-PIROS-XL'].documentId));
    const order = huOrder();
    await deliverWoo(connection, { ...order, status: 'pending' });
    expect((await orderOf(connection)).state).toBe('draft');
    expect(Number(await onHand(app.admin, items['POLO-PIROS-XL'].documentId))).toBe(before);
    await deliverWoo(connection, { ...order, status: 'completed', date_modified_gmt: '2024-07-03T00:00:00' });
    expect((await orderOf(connection)).state).toBe('fulfilled');
    expect(Number(await onHand(app.admin, items['POLO-PIROS-XL'].documentId))).toBe(before - 1);
    const deleted = await deliverWoo(connection, { id: order.id }, { topic: 'order.deleted' });
    expect(deleted.body.data.state).toBe('processed');
    const saved = await orderOf(connection);
    expect(saved.state).toBe('failed');
    expect(saved.history.map((entry: { action: string }) => entry.action)).toEqual(['create', 'shop-update', 'shop-delete']);
    expect(Number(await onHand(app.admin, items['POLO-PIROS-XL'].documentId))).toBe(before);
  });

  test('restored, it comes back as the shop says; a line the shop changes is reconciled by difference', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const before = Number(await onHand(app.admin, items['BOG-001'].documentId));
    const order = huOrder();
    await deliverWoo(connection, order, { topic: 'order.created' });
    await deliverWoo(connection, { id: order.id }, { topic: 'order.deleted' });
    expect(Number(await onHand(app.admin, items['BOG-001'].documentId))).toBe(before);
    await deliverWoo(connection, { ...order, date_modified_gmt: '2024-07-05T00:00:00' }, { topic: 'order.restored' });
    expect((await orderOf(connection)).state).toBe('finalized');
    expect(Number(await onHand(app.admin, items['BOG-001'].documentId))).toBe(before - 2);

    // The shop sells one more mug on the same order: the line goes to 3, stock down by one more.
    const lines = order.line_items.map((line: { sku: string; quantity: number }) =>
      line.sku === 'BOG-001' ? { ...line, quantity: 3 } : line
    );
    await deliverWoo(connection, { ...order, line_items: lines, date_modified_gmt: '2024-07-06T00:00:00' });
    const saved = await orderOf(connection);
    expect(saved.items.find((item: { sku: string }) => item.sku === 'BOG-001').quantity).toBe('3');
    expect(Number(await onHand(app.admin, items['BOG-001'].documentId))).toBe(before - 3);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });

  test('a status the map does not know keeps the state and is flagged', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    await deliverWoo(connection, huOrder({ status: 'awaiting-pickup' }));
    const saved = await orderOf(connection);
    expect(saved).toMatchObject({ state: 'draft', externalStatus: 'awaiting-pickup' });
    expect(saved.flags).toContain('unmappedStatus');
  });

  test('is never refused for want of stock: stock goes below zero and the order is flagged oversold', async () => {
    const connection = await connect('woocommerce');
    const item = await createStockItem(app.admin, { onHand: '1' });
    const order = huOrder();
    order.line_items = [{ ...order.line_items[1], sku: item.sku, quantity: 3, subtotal: '12000', total: '12000', total_tax: '600' }];
    order.total = String(12000 + 600 + Number(order.shipping_total) + Number(order.shipping_tax) + 0);
    await deliverWoo(connection, order);
    const saved = await orderOf(connection);
    expect(saved.state).toBe('finalized');
    expect(saved.flags).toContain('oversold');
    expect(await onHand(app.admin, item.documentId)).toBe('-2');
  });

  test('an unknown SKU fails nothing; once the item exists, a replay links the line and books it', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const sku = `UJ-${externalIds}`;
    const order = huOrder();
    order.line_items = order.line_items.map((line: { sku: string }) => (line.sku === 'ISMERETLEN-99' ? { ...line, sku } : line));
    await deliverWoo(connection, order);
    expect((await orderOf(connection)).flags).toContain('unknownSku');
    const item = await createStockItem(app.admin, { sku, onHand: '5' });
    const [entry] = await inboxOf(connection, 'processed');
    const replayed = await app.admin.post(`/orders/inbox/${entry.documentId}/replay`);
    expect(replayed.status).toBe(200);
    const saved = await orderOf(connection);
    expect(saved.flags).not.toContain('unknownSku');
    expect(saved.items.find((line: { sku: string }) => line.sku === sku).stockItem).toBe(item.documentId);
    expect(await onHand(app.admin, item.documentId)).toBe('4');
  });
});

describe('a webshop’s order in the admin', () => {
  test('follows its shop: no button moves it, no edit changes its lines; its custom status stays free; a link to it in the shop', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const order = huOrder();
    await deliverWoo(connection, order);
    const saved = await orderOf(connection);
    expect(saved.allowedActions).toEqual([]);
    expect(saved.externalUrl).toBe(`https://bolt.example.hu/wp-admin/post.php?post=${order.id}&action=edit`);
    const fail = await app.admin.post(`/orders/orders/${saved.documentId}/actions/fail`);
    expect(fail.status).toBe(409);
    expect(fail.body.error.details.code).toBe('webshopOrder');
    expect((await app.admin.put(`/orders/orders/${saved.documentId}`, { items: [] })).body.error.details.code).toBe('webshopOrder');
    expect((await app.admin.delete(`/orders/orders/${saved.documentId}`)).status).toBe(409);
    const custom = await app.admin.put('/orders/settings', { customStatuses: [{ key: 'packing', label: 'Csomagolás', color: '#336699' }] });
    expect(custom.status).toBe(200);
    expect((await app.admin.put(`/orders/orders/${saved.documentId}/custom-status`, { customStatus: 'packing' })).status).toBe(200);
    const entries = (await app.admin.get(`/orders/inbox?order=${saved.documentId}`)).body.data;
    expect(entries).toHaveLength(1);
  });

  test('an oversold stock item says so; a deleted connection keeps its orders, which say it is gone', async () => {
    const connection = await connect('woocommerce');
    const item = await createStockItem(app.admin, { onHand: '0' });
    const order = huOrder();
    order.line_items = [{ ...order.line_items[1], sku: item.sku }];
    await deliverWoo(connection, order);
    expect((await app.admin.get(`/orders/stock-items/${item.documentId}`)).body.data).toMatchObject({ onHand: '-1', oversold: true });
    expect((await app.admin.delete(`/orders/connections/${connection.documentId}`)).status).toBe(200);
    const saved = await orderOf(connection);
    expect(saved.connection).toMatchObject({ documentId: connection.documentId, deleted: true });
    expect(await inboxOf(connection)).toHaveLength(1);
  });
});

describe('what a shop sends that is refused', () => {
  test('a wrong or missing signature is 401 and kept as rejected; an unknown connection is 404', async () => {
    const connection = await connect('woocommerce');
    const wrong = await deliverWoo(connection, huOrder(), { secret: 'not the secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details.code).toBe('badSignature');
    const missing = await http().post(path(connection)).set('content-type', 'application/json').send('{"id":1}');
    expect(missing.status).toBe(401);
    expect(await inboxOf(connection, 'rejected')).toHaveLength(2);
    expect(await ordersOf(connection)).toHaveLength(0);
    expect((await app.admin.get(`/orders/connections/${connection.documentId}`)).body.data.rejectedCount).toBe(2);
    // Never verified, so never applied: a replay of it is refused.
    const [rejected] = await inboxOf(connection, 'rejected');
    const replay = await app.admin.post(`/orders/inbox/${rejected.documentId}/replay`);
    expect(replay.status).toBe(409);
    expect(replay.body.error.details.code).toBe('notReplayable');
    expect((await http().post('/api/orders/webhooks/no-such-connection').send({})).status).toBe(404);
  });

  test('refused requests are counted, but only the first hundred an hour are kept', async () => {
    const connection = await connect('woocommerce');
    for (let i = 0; i < 105; i += 1) {
      expect((await http().post(path(connection)).set('content-type', 'application/json').send(`{"id":${i}}`)).status).toBe(401);
    }
    expect((await app.admin.get(`/orders/connections/${connection.documentId}`)).body.data.rejectedCount).toBe(105);
    const kept = await app.admin.get(`/orders/inbox?connection=${connection.documentId}&state=rejected&pageSize=1`);
    expect(kept.body.meta.pagination.total).toBe(100);
  });

  test('the unsigned ping WooCommerce sends when a webhook is saved answers 200', async () => {
    const connection = await connect('woocommerce');
    const ping = await http().post(path(connection)).type('form').send('webhook_id=12');
    expect(ping.status).toBe(200);
  });

  test.each([
    ['malformed JSON', '{"id": 1, "line_items": ['],
    ['a negative quantity', JSON.stringify(huOrder({ line_items: [{ ...huOrder().line_items[0], quantity: -2 }] }))],
    ['an unknown currency', JSON.stringify(huOrder({ currency: 'XYZ' }))],
    ['no id', JSON.stringify(huOrder({ id: undefined }))],
    ['a price that is not a number', JSON.stringify(huOrder({ line_items: [{ ...huOrder().line_items[0], total: '12,5' }] }))],
  ])('%s: kept as failed with its error named, answered 200, no order', async (_, body) => {
    const connection = await connect('woocommerce');
    const response = await deliverWoo(connection, body);
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe('failed');
    expect(response.body.data.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    expect(await ordersOf(connection)).toHaveLength(0);
    const [entry] = await inboxOf(connection, 'failed');
    expect(Buffer.from((await app.admin.get(`/orders/inbox/${entry.documentId}`)).body.data.body.text).toString()).toBe(body);
  });

  test('a body over the limit is 413', async () => {
    const connection = await connect('woocommerce');
    const big = JSON.stringify({ id: 1, padding: 'x'.repeat(6 * 1024 * 1024) });
    const response = await deliverWoo(connection, big);
    expect(response.status).toBe(413);
  });
});

describe('Shoprenter', () => {
  test('proves itself by the token in the URL', async () => {
    const connection = await connect('shoprenter');
    const body = fixture('shoprenter_order_confirm_webhook.json');
    const wrong = await http()
      .post(`${path(connection)}?token=wrong`)
      .set('content-type', 'application/json')
      .send(body);
    expect(wrong.status).toBe(401);
    const right = await http()
      .post(new URL(connection.inboundUrl).pathname + new URL(connection.inboundUrl).search)
      .set('content-type', 'application/json')
      .send(body);
    expect(right.status).toBe(200);
    expect(right.body.data.state).toBe('processed');
    expect(await ordersOf(connection)).toHaveLength(1);
  });
});

describe('the inbox', () => {
  test('needs inbox read to be seen and inbox replay to replay', async () => {
    const connection = await connect('woocommerce');
    await deliverWoo(connection, huOrder());
    const [entry] = await inboxOf(connection);
    const reader = await app.as(['plugin::orders.inbox.read']);
    expect((await reader.get('/orders/inbox')).status).toBe(200);
    expect((await reader.post(`/orders/inbox/${entry.documentId}/replay`)).status).toBe(403);
    const nobody = await app.as(['plugin::orders.order.read']);
    expect((await nobody.get('/orders/inbox')).status).toBe(403);
  });

  test('an entry a process left received is processed by the recovery job', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const body = JSON.stringify(huOrder());
    // What a process that died right after storing leaves behind: the entry, stored and committed, unread.
    await app.strapi.db.query('plugin::orders.inbox-entry').create({
      data: {
        connection: connection.documentId,
        connectionName: 'Bolt',
        kind: 'woocommerce',
        origin: 'push',
        contentType: 'application/json',
        headers: { 'x-wc-webhook-topic': 'order.created' },
        body: Buffer.from(body).toString('base64'),
        bodySize: body.length,
        bodyHash: 'unread',
        state: 'received',
        attempts: 0,
        receivedAt: new Date(Date.now() - 120_000),
      },
    });
    await app.strapi.plugin('orders').service('inbox').recover();
    expect(await ordersOf(connection)).toHaveLength(1);
    expect(await inboxOf(connection, 'processed')).toHaveLength(1);
  });
});
