/**
 * The orders list in a real browser: a search without accents finds the order, a click anywhere
 * on its row opens it, and its money stands right-aligned in tabular figures.
 */
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

test('"kovacs" finds Kovács Éva’s order; a click on its row opens it; its gross total is right-aligned in tabular figures', async () => {
  const order = await app.strapi
    .plugin('orders')
    .service('orders')
    .create(
      { customer: { name: 'Kovács Éva' }, items: [{ name: 'Bögre', quantity: '1', unitPrice: '12990', vatRate: '27' }] },
      { type: 'system', name: 'e2e' }
    );
  const page = await app.login();
  // The search as Strapi's SearchInput keeps it in the URL.
  await page.goto(`${app.url}/admin/plugins/orders?_q=kovacs`);
  const row = page.locator('tr', { hasText: 'Kovács Éva' });
  await row.waitFor();

  // The amount ends where its cell's padding begins, in figures of equal width.
  const gross = await row
    .locator('td')
    .last()
    .evaluate((cell) => {
      const figures = cell.firstElementChild!;
      const range = document.createRange();
      range.selectNodeContents(figures);
      const padding = parseFloat(getComputedStyle(cell).paddingRight);
      return {
        gapAtEnd: Math.round(cell.getBoundingClientRect().right - padding - range.getBoundingClientRect().right),
        numbers: getComputedStyle(figures).fontVariantNumeric,
      };
    });
  expect(gross).toEqual({ gapAtEnd: 0, numbers: 'tabular-nums' });
  await screenshot(page, '30-orders-search-without-accents');

  // The customer's name is no link: the row itself opens the order.
  await row.getByText('Kovács Éva').click();
  await page.waitForURL(`**/admin/plugins/orders/${order.documentId}`);
});
