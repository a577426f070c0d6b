/**
 * Pulled shops, against the real app: a custom shop's XML feed and UNAS's API, each played by a
 * small HTTP server on 127.0.0.1 from the recorded fixtures. What a shop answers is kept in the
 * inbox like any delivery, processed through the same upsert, and a pull read twice books once.
 */
import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import request from 'supertest';
import { createStockItem, ledgerDisagreements, onHand } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/webshops', name), 'utf8');

/** A feed of several orders in MiniCRM's layout, as `feedOf` last made it. */
let manyOrders = '';
const feedOf = (orders: Array<{ id: number; email: string; sku: string; quantity: string }>) => {
  const projects = orders.map(
    ({ id, email, sku, quantity }) =>
      `<Project Id="${1_000_000 + id}"><Name>Vevő ${id}</Name><Contacts><Contact><FirstName>V</FirstName><LastName>${id}</LastName>` +
      `<Emails><Email><Value>${email}</Value></Email></Emails></Contact></Contacts><Orders><Order Id="${id}"><Number>F-${id}</Number>` +
      `<CurrencyCode>HUF</CurrencyCode><Performance>2026-11-30 10:00:00</Performance><Status>Issued</Status><Products>` +
      `<Product Id="${sku}"><Name>Cikk</Name><PriceNet>1000</PriceNet><Quantity>${quantity}</Quantity><SKU>${sku}</SKU><Unit>db</Unit><VAT>27%</VAT></Product>` +
      `</Products></Order></Orders></Project>`
  );
  manyOrders = `<?xml version="1.0" encoding="UTF-8"?><Projects>${projects.join('')}</Projects>`;
};

let app: TestApp;
let shop: Server;
let base: string;
const seen: Array<{ url: string; authorization?: string; body: string }> = [];

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
  });

beforeAll(async () => {
  shop = createServer(async (req, res) => {
    const body = await bodyOf(req);
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
    const answer = (status: number, text: string) => res.writeHead(status, { 'content-type': 'application/xml' }).end(text);
    if (req.url === '/feed.xml') {
      if (req.headers.authorization !== `Basic ${Buffer.from('feeder:jelszo').toString('base64')}`) return answer(401, '<Error>no</Error>');
      return answer(200, fixture('minicrm_style_feed.xml'));
    }
    if (req.url === '/many.xml') return answer(200, manyOrders);
    // A shop slow to answer: a pull of it is still running when the next sync asks.
    if (req.url === '/slow.xml') return setTimeout(() => answer(200, fixture('minicrm_style_feed.xml')), 500);
    if (req.url === '/unas/shop/login') return answer(200, '<?xml version="1.0"?><Login><Token>token-1</Token></Login>');
    if (req.url === '/unas/shop/getOrder') return answer(200, fixture('unas_getOrder_response.xml'));
    return answer(404, '<Error>not here</Error>');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => shop.close(resolve));
});

let names = 0;
const connect = async (body: Record<string, unknown>) => {
  const response = await app.admin.post('/orders/connections', { name: `Húzott ${++names}`, ...body });
  if (response.status !== 201) throw new Error(`connection: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; secret: string };
};
const ordersOf = async (connection: { documentId: string }) =>
  (await app.admin.get(`/orders/orders?connection=${connection.documentId}`)).body.data;
const inboxOf = async (connection: { documentId: string }) =>
  (await app.admin.get(`/orders/inbox?connection=${connection.documentId}`)).body.data;

describe('a custom shop’s XML feed', () => {
  test('"Sync now" pulls it with Basic authentication, keeps it in the inbox and makes its orders; a second pull books nothing twice', async () => {
    const connection = await connect({ kind: 'xml', feed: { url: `${base}/feed.xml`, username: 'feeder', password: 'jelszo' } });
    const synced = await app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.data.lastSync).toMatchObject({ ok: true });
    const orders = await ordersOf(connection);
    expect(orders.length).toBeGreaterThan(0);
    const [entry] = await inboxOf(connection);
    expect(entry).toMatchObject({ origin: 'pull', state: 'processed', kind: 'xml' });

    await app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    expect(await ordersOf(connection)).toHaveLength(orders.length);
    expect((await inboxOf(connection)).map((e: { state: string }) => e.state)).toEqual(['duplicate', 'processed']);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });

  test('two syncs at once pull the shop once', async () => {
    const connection = await connect({ kind: 'xml', feed: { url: `${base}/slow.xml` } });
    seen.length = 0;
    const answers = await Promise.all([1, 2, 3].map(() => app.admin.post(`/orders/connections/${connection.documentId}/sync`)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(seen.filter((call) => call.url === '/slow.xml')).toHaveLength(1);
    // Once it is over, the next sync pulls again.
    await app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    expect(seen.filter((call) => call.url === '/slow.xml')).toHaveLength(2);
  });

  test('a feed that refuses the credentials is a failed sync, named', async () => {
    const connection = await connect({ kind: 'xml', feed: { url: `${base}/feed.xml`, username: 'feeder', password: 'wrong' } });
    const synced = await app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    expect(synced.body.data.lastSync).toMatchObject({ ok: false, error: expect.stringContaining('401') });
    expect(await ordersOf(connection)).toHaveLength(0);
  });
});

describe('a feed of many orders', () => {
  test('new ones written together, known ones upserted, one customer per e-mail, each booked once; a feed with a bad order changes nothing, named', async () => {
    const item = await createStockItem(app.admin, { onHand: '100' });
    const connection = await connect({ kind: 'xml', feed: { url: `${base}/many.xml` } });
    const sync = () => app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    feedOf([{ id: 1, email: 'egy@example.hu', sku: item.sku, quantity: '2' }]);
    await sync();
    feedOf([
      { id: 1, email: 'egy@example.hu', sku: item.sku, quantity: '3' },
      { id: 2, email: 'ket@example.hu', sku: item.sku, quantity: '1' },
      { id: 3, email: 'KET@example.hu', sku: item.sku, quantity: '1' },
      { id: 4, email: 'negy@example.hu', sku: 'NINCS-ILYEN', quantity: '1' },
    ]);
    await sync();
    const orders = await ordersOf(connection);
    expect(orders).toHaveLength(4);
    expect(await onHand(app.admin, item.documentId)).toBe(String(100 - 3 - 1 - 1));
    const [two, three] = await Promise.all(
      ['F-2', 'F-3'].map(async (number) => {
        const summary = orders.find((order: { externalNumber: string }) => order.externalNumber === number);
        return (await app.admin.get(`/orders/orders/${summary.documentId}`)).body.data;
      })
    );
    expect(two.customer.documentId).toBe(three.customer.documentId);
    expect(two).toMatchObject({ state: 'finalized', history: [{ action: 'create', actor: { type: 'integration' } }] });
    expect(orders.find((order: { externalNumber: string }) => order.externalNumber === 'F-4').flags).toContain('unknownSku');
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);

    feedOf([
      { id: 5, email: 'ot@example.hu', sku: item.sku, quantity: '1' },
      { id: 6, email: 'hat@example.hu', sku: item.sku, quantity: '0' },
      { id: 7, email: 'het@example.hu', sku: item.sku, quantity: '1' },
    ]);
    await sync();
    const [entry] = await inboxOf(connection);
    expect(entry.state).toBe('failed');
    expect(entry.error).toMatchObject({ code: 'badQuantity' });
    expect(entry.error.message).toContain('quantity');
    expect(await ordersOf(connection)).toHaveLength(4);
    expect(await onHand(app.admin, item.documentId)).toBe('95');
  });
});

describe('UNAS', () => {
  test('a signed notice makes us read the order from UNAS’s API, logged in once; both payloads are kept', async () => {
    const connection = await connect({ kind: 'unas', unas: { apiBase: `${base}/unas`, apiKey: 'unas-api-kulcs' } });
    seen.length = 0;
    const post = (event: string) => {
      const notice = JSON.stringify({ orderID: '1000-1000000', event });
      return request(app.strapi.server.httpServer)
        .post(`/api/orders/webhooks/${connection.documentId}`)
        .set({ 'content-type': 'application/json', 'x-unas-hmac': createHmac('sha256', connection.secret).update(notice).digest('base64') })
        .send(notice);
    };
    const response = await post('new_order');
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe('processed');
    expect(await ordersOf(connection)).toHaveLength(1);
    // Another notice of the same order: UNAS is read again, with the token it gave before; its answer, the same bytes, is a duplicate.
    await post('modify_order');
    expect(seen.filter((call) => call.url === '/unas/shop/login')).toHaveLength(1);
    expect(seen.find((call) => call.url === '/unas/shop/login')!.body).toContain('unas-api-kulcs');
    expect(seen.filter((call) => call.url === '/unas/shop/getOrder').every((call) => call.authorization === 'Bearer token-1')).toBe(true);
    const origins = (await inboxOf(connection)).map((entry: { origin: string }) => entry.origin).sort();
    expect(origins).toEqual(['pull', 'pull', 'push', 'push']);
    expect(await ordersOf(connection)).toHaveLength(1);
  });

  test('"Sync now" reads the orders modified since the last pull', async () => {
    const connection = await connect({ kind: 'unas', unas: { apiBase: `${base}/unas`, apiKey: 'unas-api-kulcs' } });
    seen.length = 0;
    const synced = await app.admin.post(`/orders/connections/${connection.documentId}/sync`);
    expect(synced.body.data.lastSync).toMatchObject({ ok: true });
    expect(seen.find((call) => call.url === '/unas/shop/getOrder')!.body).toContain('<TimeModStart>');
    expect(await ordersOf(connection)).toHaveLength(1);
  });
});
