/**
 * The inbox under faults and at scale (issue 9 §6), against the real app over HTTP: deliveries of
 * one order racing from two app processes, many abandoned entries recovered by both at once, a
 * process killed between storing a delivery and processing it, the custom shop's and
 * Shoprenter's other forms, and bodies meant to hurt the reader. On PostgreSQL the races run
 * from two processes on one database; SQLite serialises writers, so those run on PostgreSQL only.
 */
import { createHash } from 'crypto';
import { usesPostgres } from '../helpers/database';
import { createStockItem, ledgerDisagreements, onHand } from '../helpers/fixtures';
import { startSecondProcess, type SecondProcess } from '../helpers/second-process';
import { startApp, type TestApp } from '../helpers/strapi';
import { inboundPath, sign, webshopFixture, webshops, type Connection } from '../helpers/webshops';
import { CLAIM_EXPIRES_MS } from '../../src/plugins/orders/server/src/features/integrations/inbox/repository';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const INBOX = 'plugin::orders.inbox-entry';
const fixture = webshopFixture;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const { http, connect, deliverWoo } = webshops(() => app);
const path = inboundPath;

/** A custom shop's push, signed with X-Orders-Signature. */
const pushCustom = (connection: Connection, body: string | Buffer, contentType: string, secret = connection.secret) =>
  http()
    .post(path(connection))
    .set({ 'content-type': contentType, 'x-orders-signature': sign(body, secret) })
    .send(body);

let externalIds = 70_000;
const huOrder = (changes: Record<string, unknown> = {}) => ({
  ...JSON.parse(fixture('woocommerce_hu_order.json')),
  id: ++externalIds,
  ...changes,
});

/** Stock items for the SKUs of the Hungarian order (one of its SKUs no shop item has). */
const stockForHuOrder = async () => {
  const items: Record<string, { documentId: string }> = {};
  for (const sku of ['BOG-001', 'KONYV-1', 'POLO-PIROS-XL']) {
    const existing = (await app.admin.get(`/orders/stock-items?q=${sku}`)).body.data.find((item: { sku: string }) => item.sku === sku);
    items[sku] = existing ?? (await createStockItem(app.admin, { sku, onHand: '1000' }));
  }
  return items;
};
/** The quantity of `sku` in the Hungarian order. */
const quantityOf = (order: { line_items: Array<{ sku: string; quantity: number }> }, sku: string) =>
  order.line_items.filter((line) => line.sku === sku).reduce((sum, line) => sum + line.quantity, 0);

const ordersOf = async (connection: Connection) =>
  (await app.admin.get(`/orders/orders?connection=${connection.documentId}&pageSize=100`)).body.data;
const inboxOf = async (connection: Connection) =>
  (await app.admin.get(`/orders/inbox?connection=${connection.documentId}&pageSize=100`)).body.data as Array<{
    documentId: string;
    state: string;
    attempts: number;
    error: { code: string } | null;
  }>;
const entryDetail = async (documentId: string) => (await app.admin.get(`/orders/inbox/${documentId}`)).body.data;
const statesOf = (entries: Array<{ state: string }>) =>
  entries.reduce<Record<string, number>>((counts, { state }) => ({ ...counts, [state]: (counts[state] ?? 0) + 1 }), {});

/** A NormalizedOrder in its JSON form, as a custom shop may push it (shared/contracts/normalized-order.ts). */
const normalized = (externalId: string) => ({
  externalId,
  externalNumber: `K-${externalId}`,
  status: { code: 'Issued' },
  modifiedAt: '2024-07-01T10:00:00Z',
  currency: 'HUF',
  customer: { name: 'Próba Péter', email: `peter.${externalId}@example.hu` },
  lines: [
    {
      sku: `EGYEDI-${externalId}`,
      name: 'Bögre',
      quantity: '2',
      unitNet: '1000',
      vatPercent: '27',
      net: '2000',
      vat: '540',
      gross: '2540',
    },
  ],
  totals: { gross: '2540' },
});

/** The row an app process that died right after storing leaves: committed, unread, received two minutes ago. */
const abandonedEntry = (connection: Connection, body: string) =>
  app.strapi.db.query(INBOX).create({
    data: {
      connection: connection.documentId,
      connectionName: 'Hiba',
      kind: 'woocommerce',
      origin: 'push',
      topic: 'order.created',
      contentType: 'application/json',
      headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created' },
      body: Buffer.from(body).toString('base64'),
      bodySize: Buffer.byteLength(body),
      bodyHash: createHash('sha256').update(body).digest('hex'),
      state: 'received',
      attempts: 0,
      receivedAt: new Date(Date.now() - 120_000),
    },
  });

/** Waits until the process prints what matches `pattern` (from now on), for up to `ms`. */
const printed = (second: SecondProcess, pattern: RegExp, ms = 60_000) =>
  new Promise<RegExpExecArray>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the second process did not print ${pattern}: ${output}`)), ms);
    const listen = (chunk: Buffer) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        second.child.stdout!.off('data', listen);
        resolve(match);
      }
    };
    second.child.stdout!.on('data', listen);
  });

(usesPostgres() ? describe : describe.skip)('two app processes on one PostgreSQL', () => {
  let second: SecondProcess;
  beforeAll(async () => {
    second = await startSecondProcess();
  });
  afterAll(async () => {
    await second?.stop();
  });

  test('20 concurrent deliveries of one order, split between them, make one order and book its stock once', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const order = huOrder();
    const before = Object.fromEntries(
      await Promise.all(Object.entries(items).map(async ([sku, item]) => [sku, Number(await onHand(app.admin, item.documentId))]))
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deliverWoo(connection, { ...order, customer_note: `try ${i}` }, { server: i % 2 ? second.url : '' })
      )
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));

    expect(await ordersOf(connection)).toHaveLength(1);
    for (const [sku, item] of Object.entries(items)) {
      expect(Number(await onHand(app.admin, item.documentId))).toBe(before[sku] - quantityOf(order, sku));
    }
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
    const entries = await inboxOf(connection);
    expect(entries).toHaveLength(20);
    expect(entries.filter((entry) => !['processed', 'duplicate'].includes(entry.state))).toEqual([]);
  });

  test('30 abandoned entries recovered by both processes at once are each processed exactly once', async () => {
    const connection = await connect('woocommerce');
    await stockForHuOrder();
    const ids = [];
    for (let i = 0; i < 30; i += 1) ids.push((await abandonedEntry(connection, JSON.stringify(huOrder()))).id);

    const recoveredThere = printed(second, /recovered|recover failed.*/);
    second.child.kill('SIGUSR2');
    const inbox = app.strapi.plugin('orders').service('inbox');
    await Promise.all([inbox.recover(), inbox.recover()]);
    expect((await recoveredThere)[0]).toBe('recovered');

    const rows = await app.strapi.db.query(INBOX).findMany({ where: { id: { $in: ids } }, select: ['id', 'state', 'attempts'] });
    expect(rows).toHaveLength(30);
    expect(rows.filter((row: { state: string; attempts: number }) => row.state !== 'processed' || row.attempts !== 1)).toEqual([]);
    expect(await ordersOf(connection)).toHaveLength(30);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });
});

describe('an app process killed between storing a delivery and processing it', () => {
  // SQLite lets a second process open the same file (hostile-integrity.test.ts starts one on it),
  // and here the doomed process holds no lock when it dies: this runs on both databases.
  test('leaves the entry received; recover() here processes it: one order, booked once', async () => {
    const connection = await connect('woocommerce');
    const items = await stockForHuOrder();
    const order = huOrder();
    const before = Number(await onHand(app.admin, items['KONYV-1'].documentId));

    const doomed = await startSecondProcess({ ORDERS_TEST_HANG_AFTER_STORE: '1' });
    let answered: number | string = 'pending';
    try {
      const stored = printed(doomed, /stored (\S+)/);
      const sent = deliverWoo(connection, order, { server: doomed.url }).then(
        (response) => (answered = response.status),
        () => (answered = 'lost')
      );
      const [, documentId] = await stored;
      await sleep(200);
      expect(answered).toBe('pending');
      const { signal } = await doomed.stop('SIGKILL');
      expect(signal).toBe('SIGKILL');
      await sent;
      expect(answered).toBe('lost');

      // Born claimed by the process that stored it, which died.
      const entry = await app.strapi.db.query(INBOX).findOne({ where: { documentId } });
      expect(entry).toMatchObject({ state: 'received', attempts: 1 });
      expect(entry.claimedAt).not.toBeNull();
      expect(await ordersOf(connection)).toHaveLength(0);
      const inbox = app.strapi.plugin('orders').service('inbox');
      await inbox.recover();
      expect(await app.strapi.db.query(INBOX).findOne({ where: { documentId } })).toMatchObject({ state: 'received', attempts: 1 });

      // The recovery job takes entries whose claim has expired: those minutes, passed.
      const past = new Date(Date.now() - CLAIM_EXPIRES_MS - 60_000);
      await app.strapi.db.query(INBOX).update({ where: { documentId }, data: { receivedAt: past, claimedAt: past } });
      await inbox.recover();

      expect(await app.strapi.db.query(INBOX).findOne({ where: { documentId } })).toMatchObject({ state: 'processed', attempts: 2 });
      expect(await ordersOf(connection)).toHaveLength(1);
      expect(Number(await onHand(app.admin, items['KONYV-1'].documentId))).toBe(before - quantityOf(order, 'KONYV-1'));
      // Redelivered by the shop after the lost answer: the same bytes, a duplicate, booked nothing more.
      expect((await deliverWoo(connection, order)).body.data.state).toBe('duplicate');
      expect(await ordersOf(connection)).toHaveLength(1);
      expect(Number(await onHand(app.admin, items['KONYV-1'].documentId))).toBe(before - quantityOf(order, 'KONYV-1'));
      expect(await ledgerDisagreements(app.strapi)).toEqual([]);
    } finally {
      await doomed.stop('SIGKILL');
    }
  });
});

describe('a custom shop’s push', () => {
  test('the MiniCRM XML feed, signed, is processed and makes its orders; a wrong signature is 401', async () => {
    const connection = await connect('xml');
    const body = fixture('minicrm_style_feed.xml');
    const wrong = await pushCustom(connection, body, 'application/xml', 'not the secret');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details.code).toBe('badSignature');
    expect(await ordersOf(connection)).toHaveLength(0);

    const right = await pushCustom(connection, body, 'application/xml');
    expect(right.status).toBe(200);
    expect(right.body.data).toMatchObject({ state: 'processed', error: null });
    const orders = await ordersOf(connection);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ source: 'xml', externalNumber: '123' });
    expect(statesOf(await inboxOf(connection))).toEqual({ processed: 1, rejected: 1 });
  });

  test('the JSON NormalizedOrder, one order or {"orders": […]}, is processed and makes its orders', async () => {
    const connection = await connect('xml');
    const one = await pushCustom(connection, JSON.stringify(normalized('J1')), 'application/json');
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ state: 'processed', error: null });
    const many = await pushCustom(connection, JSON.stringify({ orders: [normalized('J2'), normalized('J3')] }), 'application/json');
    expect(many.status).toBe(200);
    expect(many.body.data).toMatchObject({ state: 'processed', error: null });
    const orders = await ordersOf(connection);
    expect(orders.map((order: { externalNumber: string }) => order.externalNumber).sort()).toEqual(['K-J1', 'K-J2', 'K-J3']);
    const wrong = await pushCustom(connection, JSON.stringify(normalized('J4')), 'application/json', 'not the secret');
    expect(wrong.status).toBe(401);
    expect(await ordersOf(connection)).toHaveLength(3);
  });
});

test('Shoprenter’s XML form, proved by ?token=, is processed', async () => {
  const connection = await connect('shoprenter');
  const url = new URL(connection.inboundUrl);
  const response = await http()
    .post(url.pathname + url.search)
    .set('content-type', 'application/xml')
    .send(fixture('shoprenter_order_confirm_webhook.xml'));
  expect(response.status).toBe(200);
  expect(response.body.data).toMatchObject({ state: 'processed', error: null });
  const orders = await ordersOf(connection);
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ source: 'shoprenter', externalNumber: '190' });
});

describe('a body meant to hurt the reader is stored, answered 200, kept as failed with its error named, and changes nothing', () => {
  const feed = fixture('minicrm_style_feed.xml');
  const laughs =
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">\n`).join('') +
    ']>\n<lolz>&lol9;</lolz>';
  test.each([
    ['XML with a DOCTYPE and entities (a billion laughs)', 'application/xml', laughs, 'xmlDeclaresEntities'],
    ['XML nested 10 000 deep', 'application/xml', `${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}`, 'tooDeep'],
    ['JSON nested 10 000 deep', 'application/json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 'tooDeep'],
    ['JSON with a NUL byte', 'application/json', JSON.stringify(normalized('N1')).replace('Próba', 'Pró\u0000ba'), 'malformedJson'],
    ['JSON with an escaped NUL', 'application/json', JSON.stringify(normalized('N2')).replace('Próba', 'Pró\\u0000ba'), 'malformedJson'],
    ['XML with a NUL byte', 'application/xml', feed.replace('<Name>Bögre</Name>', '<Name>Bö\u0000gre</Name>'), 'malformedXml'],
    ['a text/plain body', 'text/plain', 'rendelés: 2 bögre', 'unsupportedContentType'],
  ])('%s', async (_, contentType, body, code) => {
    const connection = await connect('xml');
    const response = await pushCustom(connection, body, contentType);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ state: 'failed', error: { code, message: expect.any(String) } });
    expect(await ordersOf(connection)).toHaveLength(0);
    const [entry] = await inboxOf(connection);
    expect(entry).toMatchObject({ state: 'failed', error: { code } });
    const detail = await entryDetail(entry.documentId);
    expect(detail.body.text).toBe(body);
    expect(detail.bodySize).toBe(Buffer.byteLength(body));
    expect(detail.error.message).not.toMatch(/the body the body/);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });
});
