import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

test('the compiled orders plugin is loaded with its content types', () => {
  expect(app.strapi.plugin('orders')).toBeDefined();
  expect(app.strapi.contentType('plugin::orders.order')).toBeDefined();
});

test('its admin API answers', async () => {
  const response = await app.admin.get('/orders/settings');
  expect(response.status).toBe(200);
  expect(response.body.data.inventoryDriver).toBe('orders');
});
