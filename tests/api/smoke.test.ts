import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

test('the compiled orders plugin is loaded with its content types', () => {
  expect(app.strapi.plugin('orders')).toBeDefined();
  for (const name of ['order', 'order-item', 'stock-item', 'stock-movement', 'customer']) {
    expect(app.strapi.contentType(`plugin::orders.${name}`)).toBeDefined();
  }
  expect(app.strapi.plugin('orders').service('orders')).toBeDefined();
});

test('its admin API answers', async () => {
  const response = await app.admin.get('/orders/settings');
  expect(response.status).toBe(200);
  expect(response.body.data).toMatchObject({ inventoryDriver: 'orders', allowNegativeStock: false });
});

test('started without ORDERS_DEMO, a fresh database gets no demo data and no admin but the test one', async () => {
  expect(await app.strapi.db.query('plugin::orders.stock-item').count()).toBe(0);
  expect(await app.strapi.db.query('plugin::orders.order').count()).toBe(0);
  expect(await app.strapi.db.query('admin::user').count()).toBe(1);
  const init = await request(app.strapi.server.httpServer).get('/admin/init');
  expect(init.body.data.hasAdmin).toBe(true);
});
