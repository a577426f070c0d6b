/**
 * An order's addresses and methods in a real browser (issue 13 §2, §11): an address entered in New
 * order shows on the datasheet; after finalize a phone is corrected and the history says from →
 * to; a tracking number once fulfilled; the finalize impact lists the lines in their order (§3);
 * a webshop's fulfilled order takes a phone correction and a tracking number, nothing of its lines.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { adminApiOf, screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { deliverWooTo } from '../helpers/webshops';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

test('an address entered in New order is on the datasheet; a phone corrected after finalize is in the history', async () => {
  const api = await adminApiOf(app);
  const item = (sku: string) =>
    api.post('/orders/stock-items', { sku, name: `Cikk ${sku}`, unitPrice: '1000', vatRate: '27', onHand: '10' });
  for (const sku of ['E2E-DET-A', 'E2E-DET-B']) expect((await item(sku)).status).toBe(201);
  const page = await app.login();

  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'New order' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Customer name').fill('Horváth Lili');
  await form.getByLabel('Phone').fill('+36 1 234 5678');
  const billing = form.getByRole('group', { name: 'Billing address' });
  await billing.getByLabel('Postal code').fill('1052');
  await billing.getByLabel('City').fill('Budapest');
  await billing.getByLabel('Street address').fill('Váci utca 12.');
  await billing.getByLabel('Country').fill('hu');
  // Shipping goes where the bill does, unless the box is cleared.
  await form.getByRole('checkbox', { name: 'Ship to the billing address' }).click();
  const shipping = form.getByRole('group', { name: 'Shipping address' });
  await shipping.getByLabel('Postal code').fill('6720');
  await shipping.getByLabel('City').fill('Szeged');
  await shipping.getByLabel('Street address').fill('Kárász utca 5.');
  await shipping.getByLabel('Country').fill('HU');
  await form.getByLabel('Payment method').fill('Utánvét');
  await form.getByLabel('Shipping method').fill('Csomagautomata');
  await screenshot(page, 'order-details-01-new-order');
  await form.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\/[a-z0-9]{20,}$/);

  await page.getByText('1052 Budapest, Váci utca 12., Hungary').waitFor();
  await page.getByText('6720 Szeged, Kárász utca 5., Hungary').waitFor();
  await page.getByText('Csomagautomata').waitFor();
  await screenshot(page, 'order-details-02-datasheet');
  const documentId = page.url().split('/').at(-1)!;
  const order = (await api.get(`/orders/orders/${documentId}`)).body.data;
  expect(order).toMatchObject({
    billingAddress: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
    shippingAddress: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 5.' },
    paymentMethod: 'Utánvét',
    shippingMethod: 'Csomagautomata',
  });

  // Lines B then A, though A was made first: the finalize impact lists them as the order does.
  await page.getByRole('button', { name: 'Add from inventory' }).click();
  const search = page.getByRole('dialog').getByPlaceholder('Search by SKU or name');
  for (const sku of ['E2E-DET-B', 'E2E-DET-A']) {
    await search.fill(sku);
    await page.getByRole('dialog').locator('tr', { hasText: sku }).waitFor();
    await search.press('Enter');
  }
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Save lines' }).click();
  await page.getByText('Lines saved').first().waitFor();
  const saved = (await api.get(`/orders/orders/${documentId}`)).body.data;
  expect(saved.items.map((line: { sku: string }) => line.sku)).toEqual(['E2E-DET-B', 'E2E-DET-A']);
  await page.getByRole('button', { name: 'Finalize' }).click();
  const finalize = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await finalize.getByText('E2E-DET-A', { exact: true }).waitFor();
  const impact = await finalize.locator('tbody tr').allInnerTexts();
  expect(impact.findIndex((row) => row.includes('E2E-DET-B'))).toBeLessThan(impact.findIndex((row) => row.includes('E2E-DET-A')));
  await screenshot(page, 'order-details-03-finalize-impact');
  await finalize.getByRole('button', { name: 'Finalize' }).click();
  await page.getByText('Finalized', { exact: true }).first().waitFor();

  // Finalized: the contact details are corrected, the rest of the form is not offered.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const correct = page.getByRole('dialog');
  await correct.getByText('its lines and amounts stay as they are').waitFor();
  expect(await correct.getByLabel('Payment method').count()).toBe(0);
  await correct.getByLabel('Phone').fill('+36 30 999 8877');
  await screenshot(page, 'order-details-04-correct-after-finalize');
  await correct.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Phone: +36 1 234 5678 → +36 30 999 8877').waitFor();
  await screenshot(page, 'order-details-05-history');
  const corrected = (await api.get(`/orders/orders/${documentId}`)).body.data;
  expect(corrected.state).toBe('finalized');
  expect(corrected.customer.phone).toBe('+36 30 999 8877');
  expect(corrected.history.at(-1).changes).toEqual([{ field: 'customer.phone', from: '+36 1 234 5678', to: '+36 30 999 8877' }]);

  // Fulfilled: the tracking number.
  await page.getByRole('button', { name: 'Fulfil' }).click();
  await page.getByRole('alertdialog').or(page.getByRole('dialog')).getByRole('button', { name: 'Fulfil' }).click();
  await page.getByText('Fulfilled', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByRole('dialog').getByLabel('Tracking number').fill('GLS-0042');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Tracking number: None → GLS-0042').waitFor();
  await screenshot(page, 'order-details-06-tracking');
});

test('in Hungarian: the address blocks and the correction in the glossary’s words', async () => {
  const page = await app.login({ language: 'hu' });
  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'Új rendelés' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('group', { name: 'Számlázási cím' }).waitFor();
  await form.getByRole('checkbox', { name: 'Szállítás a számlázási címre' }).waitFor();
  await form.getByLabel('Fizetési mód').waitFor();
  await form.getByLabel('Szállítási mód').waitFor();
  await form.getByLabel('Pénznem').waitFor();
  await screenshot(page, 'order-details-07-new-order-hu');
});

test('a webshop’s order: its phone corrected and a tracking number set here, its lines the shop’s', async () => {
  const api = await adminApiOf(app);
  const created = await api.post('/orders/connections', {
    name: 'E2E Woo részletek',
    kind: 'woocommerce',
    shopUrl: 'https://bolt.example.hu',
  });
  expect(created.status).toBe(201);
  const connection: { documentId: string; secret: string } = created.body.data;
  // The fixture's order, sent as the shop completed it: fulfilled here.
  const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/webshops/woocommerce_hu_order.json'), 'utf8'));
  const delivered = await deliverWooTo(app.strapi.server.httpServer, connection, { ...fixture, id: 6101, status: 'completed' });
  expect(delivered.status).toBe(200);
  const [summary] = (await api.get(`/orders/orders?connection=${connection.documentId}`)).body.data;
  const before = (await api.get(`/orders/orders/${summary.documentId}`)).body.data;
  expect(before).toMatchObject({ state: 'fulfilled', shippingMethod: 'GLS futár' });

  const page = await app.login();
  await page.goto(`${app.url}/admin/plugins/orders/${summary.documentId}`);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const correct = page.getByRole('dialog');
  await correct.getByText('This order follows its webshop').waitFor();
  expect(await correct.getByLabel('Payment method').count()).toBe(0);
  await correct.getByLabel('Phone').fill('+36 30 111 2233');
  await correct.getByLabel('Tracking number').fill('GLS-6101');
  await screenshot(page, 'order-details-08-webshop-correction');
  await correct.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Tracking number: None → GLS-6101').waitFor();
  await screenshot(page, 'order-details-09-webshop-history');
  const after = (await api.get(`/orders/orders/${summary.documentId}`)).body.data;
  expect(after).toMatchObject({ state: 'fulfilled', trackingNumber: 'GLS-6101', customer: { phone: '+36 30 111 2233' } });
  expect(after.items).toEqual(before.items);
  expect(after.totals).toEqual(before.totals);
});
