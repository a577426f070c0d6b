/**
 * The order's history moved from a JSON column of the order into a table of its own. This starts
 * the app on a database written by the code from before (tests/fixtures/databases, made by
 * make-before-history-table.js at commit 0802271): every order answers exactly as it did then,
 * and its history goes on in the table. What sets the old column aside is the plugin's own
 * migration (features/orders/legacy-history.ts, registered by core/migrations.ts), as an app that
 * upgrades the installed package runs it — the app here has no database/migrations of its own.
 */
import fs from 'fs';
import path from 'path';
import { usesPostgres } from '../helpers/database';
import { act, ledgerDisagreements } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

const FIXTURES = path.join(__dirname, '../fixtures/databases');
const restore = {
  sqlite: path.join(FIXTURES, 'before-history-table.sqlite.gz'),
  postgres: path.join(FIXTURES, 'before-history-table.pg.sql.gz'),
};
const answers = path.join(FIXTURES, `before-history-table.${usesPostgres() ? 'pg' : 'sqlite'}.orders.json`);
const before = JSON.parse(fs.readFileSync(answers, 'utf8'));

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ restore });
});
afterAll(() => app?.stop());

/**
 * What an order's JSON has gained since: a manual order is no webshop's, its lines are products,
 * its documents Hungarian, no invoices; none of its own addresses, methods or tracking number.
 */
const WEBSHOP_FIELDS = {
  connection: null,
  externalId: null,
  externalNumber: null,
  externalStatus: null,
  externalUrl: null,
  flags: [],
  language: null,
  invoices: [],
  billingAddress: null,
  shippingAddress: null,
  paymentMethod: null,
  shippingMethod: null,
  trackingNumber: null,
};

test('every order answers as the code before the history table answered it', async () => {
  for (const order of before) {
    const response = await app.admin.get(`/orders/orders/${order.documentId}`);
    expect(response.status).toBe(200);
    const items = order.items.map((item: object) => ({ ...item, kind: 'product' }));
    expect(response.body.data).toEqual({ ...order, ...WEBSHOP_FIELDS, items });
  }
});

test('the entries are in the history table, and the JSON column is gone', async () => {
  const entries = before.reduce((sum: number, order: { history: unknown[] }) => sum + order.history.length, 0);
  expect(entries).toBeGreaterThan(15);
  expect(await app.strapi.db.query('plugin::orders.history-entry').count()).toBe(entries);
  const orders = app.strapi.db.metadata.get('plugin::orders.order').tableName;
  const connection = app.strapi.db.connection;
  expect(await connection.schema.hasColumn(orders, 'legacy_history')).toBe(false);
  expect(await connection.schema.hasColumn(orders, 'history')).toBe(false);
});

test('a moved history goes on: a new action is appended after the old entries', async () => {
  const draft = before.find((order: { state: string }) => order.state === 'draft');
  const response = await act(app.admin, draft.documentId, 'finalize', { note: 'after the move' });
  expect(response.status).toBe(200);
  expect(response.body.data.history.slice(0, -1)).toEqual(draft.history);
  expect(response.body.data.history.at(-1)).toMatchObject({ action: 'finalize', from: 'draft', to: 'finalized', note: 'after the move' });
});

test('what orders reserve of each item, kept since, was counted at start: the draft finalized since reserves its lines', async () => {
  const items = await app.strapi.db
    .query('plugin::orders.stock-item')
    .findMany({ select: ['sku', 'reservedMilli'], orderBy: { sku: 'asc' } });
  expect(items).toEqual([
    { sku: 'KAVE-1KG', reservedMilli: '2000' },
    { sku: 'LISZT', reservedMilli: '2500' },
  ]);
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});

test('the write-off and its note survived the move', async () => {
  const failed = before.find((order: { customer: { name: string } }) => order.customer.name === 'Selejt Sándor');
  const response = await app.admin.get(`/orders/orders/${failed.documentId}`);
  expect(response.body.data.history.at(-1)).toMatchObject({
    action: 'fail',
    restock: false,
    note: 'törött áru',
    actor: { type: 'system' },
  });
});

test('movements from before causes were codes got theirs at start, and lost the English words', async () => {
  const movements = await app.strapi.db.query('plugin::orders.stock-movement').findMany({ select: ['kind', 'cause', 'reason'] });
  expect(movements.length).toBeGreaterThan(5);
  for (const movement of movements) {
    if (movement.kind === 'order' || movement.kind === 'write-off')
      expect(movement).toMatchObject({ cause: expect.any(String), reason: null });
    else expect(movement.reason).not.toBe('initial quantity');
  }
  expect(new Set(movements.map((movement: { cause: string | null }) => movement.cause))).toEqual(
    new Set([null, 'finalize', 'edit', 'succeed', 'fail'])
  );
});

test('a database that already has orders gets the webshops’ unique indexes: orders without an external key never collide', async () => {
  const indexes = usesPostgres()
    ? (await app.strapi.db.connection.raw(`SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE '%external_key_unique'`)).rows
    : await app.strapi.db.connection.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%external_key_unique'`);
  expect(indexes.map((index: { name: string }) => index.name).sort()).toEqual([
    'orders_customers_external_key_unique',
    'orders_orders_external_key_unique',
  ]);
});
