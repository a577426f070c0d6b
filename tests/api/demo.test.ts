/**
 * `npm run demo`'s data, seeded through the engine into a fresh database: the shop it promises
 * (README) is there, its ledger agrees with its movements, and a second start seeds nothing.
 */
import path from 'path';
import request from 'supertest';
import { ROOT } from '../helpers/database';
import { ledgerDisagreements } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

// The app's demo, as `npm run demo` runs it: compiled with the app (npm run build:server).
const seedDemo = async (strapi: unknown) => {
  const demo: { seedDemo: (strapi: unknown) => Promise<void> } = await import(path.join(ROOT, 'dist', 'src', 'demo'));
  await demo.seedDemo(strapi);
};
const count = (name: string, where = {}) => app.strapi.db.query(`plugin::orders.${name}` as never).count({ where });

test('half a year of a shop: orders in every state, customers in the segments, a webshop inbox, stock running low', async () => {
  await seedDemo(app.strapi);

  expect(await count('order')).toBeGreaterThan(200);
  for (const state of ['draft', 'finalized', 'fulfilled', 'successful', 'failed'])
    expect(await count('order', { state })).toBeGreaterThan(0);
  // Paid and sent as a shop's orders are: methods on the orders, the carrier's number on parcels sent.
  expect(await count('order', { paymentMethod: 'Utánvét' })).toBeGreaterThan(0);
  expect(await count('order', { shippingMethod: 'Csomagautomata' })).toBeGreaterThan(0);
  expect(await count('order', { trackingNumber: { $notNull: true }, state: { $in: ['fulfilled', 'successful'] } })).toBeGreaterThan(0);
  expect(await count('order', { trackingNumber: { $notNull: true }, state: { $in: ['draft', 'finalized'] } })).toBe(0);
  const oldest = await app.strapi.db
    .query('plugin::orders.order')
    .findMany({ select: ['createdAt'], orderBy: { createdAt: 'asc' }, limit: 1 });
  expect(Date.now() - new Date(oldest[0].createdAt).getTime()).toBeGreaterThan(150 * 86_400_000);

  for (const segment of ['loyal', 'repeat', 'one-time', 'passive', 'lost']) expect(await count('customer', { segment })).toBeGreaterThan(0);
  expect(await count('inbox-entry', { state: 'processed' })).toBe(3);
  const low = (await app.admin.get('/orders/stock-items?pageSize=100')).body.data.filter((item: { isLow: boolean }) => item.isLow);
  expect(low.length).toBeGreaterThan(0);
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);

  // The shop's company details and its invoices: twelve, one of them stornoed.
  expect((await app.admin.get('/orders/settings')).body.data.company.taxNumber).toBe('12345676-2-42');
  expect(await count('invoice', { type: 'invoice' })).toBe(12);
  expect(await count('invoice', { type: 'storno' })).toBe(1);
  expect(await count('invoice', { state: 'stornoed' })).toBe(1);
  // Some 250 orders through the engine, their documents rendering beside them: a minute or two on
  // a busy 2-core machine, past jest's default of two.
}, 300_000);

test('started again on the same database, it seeds nothing more; its admin logs in', async () => {
  const orders = await count('order');
  await seedDemo(app.strapi);
  expect(await count('order')).toBe(orders);
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: 'demo@orders.local', password: 'Demo-orders-1' });
  expect(login.status).toBe(200);
});
