/**
 * Customers in the admin panel, in a real browser: New order picks an existing customer with
 * Enter, the Customers page shows the overview and the list, the datasheet its orders and segment
 * history, and its contact data is corrected there; in Hungarian too. A custom shop's bounced
 * e-mail shows as the newsletter state on the datasheet, and the inbox entry links the customer.
 */
import { createHmac } from 'crypto';
import request from 'supertest';
import { adminApiOf, screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

test('New order picks an existing customer; the Customers page, the datasheet, the contact data', async () => {
  const page = await app.login();

  // A first order makes the customer.
  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'New order' }).click();
  const first = page.getByRole('dialog');
  await first.getByLabel('Customer name').fill('Szabó Éva');
  await first.getByLabel('Email', { exact: true }).fill('szabo.eva@example.hu');
  await first.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\/[a-z0-9]{20,}$/);

  // The second picks her: Enter on her exact e-mail.
  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'New order' }).click();
  const second = page.getByRole('dialog');
  await second.getByPlaceholder('Name, email, phone, company or tax number').fill('szabo.eva@example.hu');
  await second.getByPlaceholder('Name, email, phone, company or tax number').press('Enter');
  await second.getByText('Existing customer').waitFor();
  await screenshot(page, 'customers-01-picked');
  await second.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\/[a-z0-9]{20,}$/);
  await page.getByText('szabo.eva@example.hu').first().waitFor();
  expect(await app.strapi.db.query('plugin::orders.customer').count({ where: { email: 'szabo.eva@example.hu' } })).toBe(1);
  // From the order's datasheet to the customer's.
  await page.getByRole('link', { name: "Customer's datasheet" }).click();
  await page.getByRole('heading', { name: 'Segment history' }).waitFor();

  // The Customers page: the overview and the list; her datasheet shows both orders.
  await page.goto(`${app.url}/admin/plugins/orders-customers`);
  await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
  await page.getByRole('figure', { name: 'Customers per segment' }).waitFor();
  await screenshot(page, 'customers-02-list');
  await page.getByRole('link', { name: 'Szabó Éva' }).click();
  await page.getByRole('heading', { name: 'Segment history' }).waitFor();
  await page.locator('tr', { hasText: 'Draft' }).nth(1).waitFor();
  await screenshot(page, 'customers-03-datasheet');

  await page.getByRole('button', { name: 'Edit contact data' }).click();
  await page.getByRole('dialog').getByLabel('Phone').fill('+36 30 999 8877');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('+36 30 999 8877').waitFor();

  // A second record of her, merged into the first from its datasheet: Enter on her e-mail picks her.
  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'New order' }).click();
  await page.getByRole('dialog').getByLabel('Customer name').fill('Szabó É.');
  await page.getByRole('dialog').getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\/[a-z0-9]{20,}$/);
  await page.getByRole('link', { name: "Customer's datasheet" }).click();
  await page.getByRole('button', { name: 'Merge into…' }).click();
  const merge = page.getByRole('dialog');
  await merge.getByPlaceholder('Name, email, phone, company or tax number').fill('szabo.eva@example.hu');
  await merge.getByPlaceholder('Name, email, phone, company or tax number').press('Enter');
  await merge.getByText('Szabó Éva · szabo.eva@example.hu').waitFor();
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByRole('heading', { name: 'Szabó Éva', exact: true }).waitFor();
  await page.locator('tr', { hasText: 'Draft' }).nth(2).waitFor();
  expect(await app.strapi.db.query('plugin::orders.customer').count({ where: { name: 'Szabó É.' } })).toBe(0);
});

test('in Hungarian, and a role without customers manage sees no edit button', async () => {
  const page = await app.login({ language: 'hu', actions: ['plugin::orders.customer.read', 'plugin::orders.order.read'] });
  await page.goto(`${app.url}/admin/plugins/orders-customers`);
  await page.getByRole('heading', { name: 'Ügyfelek', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Szabó Éva' }).click();
  await page.getByRole('heading', { name: 'Szegmensváltások' }).waitFor();
  expect(await page.getByRole('button', { name: 'Elérhetőségek szerkesztése' }).count()).toBe(0);
  await screenshot(page, 'customers-04-hu');
});

test("Settings: the segments' thresholds, refused with the problem named when they do not fit together", async () => {
  const page = await app.login();
  await page.goto(`${app.url}/admin/settings/orders`);
  await page.getByRole('heading', { name: 'Customer segments' }).waitFor();
  const passive = page.getByLabel('Passive up to days, then lost').first();
  await passive.fill('10');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('At least the active days').first().waitFor();
  await screenshot(page, 'customers-05-settings');
  await passive.fill('45');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved').first().waitFor();
  const { segments } = await app.strapi.plugin('orders').service('settings').get();
  expect(segments.oneTime).toEqual({ activeDays: 30, passiveDays: 45 });
});

test('a bounced e-mail from a custom shop: the datasheet’s newsletter state, in English and Hungarian; the inbox links the customer', async () => {
  const api = await adminApiOf(app);
  const connection = (await api.post('/orders/connections', { name: 'E2E egyedi bolt', kind: 'xml' })).body.data;
  const body = JSON.stringify({ email: 'visszapattant@example.hu', name: 'Kis Pál', subscription: 'unsubscribed', reason: 'bouncedEmail' });
  const delivered = await request(app.strapi.server.httpServer)
    .post(`/api/orders/webhooks/${connection.documentId}`)
    .set({
      'content-type': 'application/json',
      'x-orders-signature': createHmac('sha256', connection.secret).update(body).digest('base64'),
    })
    .send(body);
  expect(delivered.body.data.state).toBe('processed');

  const page = await app.login();
  await page.goto(`${app.url}/admin/plugins/orders-inbox?connection=${connection.documentId}`);
  await page.getByRole('link', { name: 'Kis Pál' }).click();
  await page.getByRole('heading', { name: 'Kis Pál', exact: true }).waitFor();
  await page.getByText('Newsletter', { exact: true }).waitFor();
  await page.getByText('unsubscribed (bad e-mail address)').waitFor();
  await screenshot(page, 'customers-05-newsletter');

  const hungarian = await app.login({ language: 'hu' });
  await hungarian.goto(page.url());
  await hungarian.getByText('Hírlevél', { exact: true }).waitFor();
  await hungarian.getByText('leiratkozott (hibás e-mail-cím)').waitFor();
  await hungarian.getByText('Leiratkozott', { exact: true }).first().waitFor();
});
