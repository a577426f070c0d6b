/**
 * The itemised view refuses a fraction of a unit counted in whole pieces (the unit's property in
 * the settings) at the quantity, as it is typed — like its other field errors, before any save —,
 * in English and Hungarian; a unit that is not whole (kg) takes the same fraction.
 */
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
let orderId: string;
beforeAll(async () => {
  app = await startBrowserApp();
  const system = { type: 'system', name: 'e2e' } as const;
  const inventory = app.strapi.plugin('orders').service('inventory');
  await inventory.create({ sku: 'BOGRE-1', name: 'Bögre', unit: 'db', unitPrice: '1990', vatRate: '27', onHand: '50' }, system);
  await inventory.create({ sku: 'KAVE-KG', name: 'Kávé', unit: 'kg', unitPrice: '9990', vatRate: '27', onHand: '50' }, system);
  const order = await app.strapi
    .plugin('orders')
    .service('orders')
    .create(
      {
        customer: { name: 'Kovács Anna' },
        items: [
          { sku: 'BOGRE-1', quantity: '1' },
          { sku: 'KAVE-KG', quantity: '1' },
        ],
      },
      system
    );
  orderId = order.documentId;
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

const WORDS = {
  en: { quantity: 'Quantity', notWhole: 'A whole number: db is counted in whole pieces' },
  hu: { quantity: 'Mennyiség', notWhole: 'Egész számot adj meg: a(z) db egészben számolt egység' },
} as const;

test.each(['en', 'hu'] as const)('2,5 db is refused at the field as it is typed, 2,5 kg is not (%s)', async (language) => {
  const page = await app.login({ language });
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes(`/orders/orders/${orderId}`)) saves.push(request.url());
  });
  await page.goto(`${app.url}/admin/plugins/orders/${orderId}`);
  const row = (name: string) => page.locator('tbody tr', { hasText: name });
  const quantity = (name: string) => row(name).locator(`input[aria-label="${WORDS[language].quantity}"]`);
  await quantity('Bögre').waitFor();

  await quantity('Bögre').fill('2,5');
  await row('Bögre').getByText(WORDS[language].notWhole).waitFor();
  expect(await quantity('Bögre').getAttribute('aria-invalid')).toBe('true');
  // The problem is named under the field it belongs to.
  const described = await quantity('Bögre').getAttribute('aria-describedby');
  expect(await page.locator(`[id="${described}"]`).textContent()).toBe(WORDS[language].notWhole);

  await quantity('Kávé').fill('2,5');
  await quantity('Kávé').blur();
  expect(await quantity('Kávé').getAttribute('aria-invalid')).toBeNull();
  expect(await row('Kávé').locator('.problem').count()).toBe(0);
  await screenshot(page, `itemised-units-${language}`);

  await quantity('Bögre').fill('3');
  await quantity('Bögre').blur();
  expect(await row('Bögre').getByText(WORDS[language].notWhole).count()).toBe(0);
  expect(await quantity('Bögre').getAttribute('aria-invalid')).toBeNull();
  // Nothing was sent: the view checked it itself.
  expect(saves).toEqual([]);
});
