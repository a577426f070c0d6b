/**
 * The home page's glance at the day, in a real browser: the Sales, Open orders and Low stock
 * widgets with the day's figures, in English and Hungarian; a count opens the orders list
 * filtered to it; an admin who may read orders but not the inventory sees no Low stock.
 */
import { formatMoney } from '../../src/plugins/orders/admin/src/ui/format';
import { adminApiOf, screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
  const api = await adminApiOf(app);
  const stock = await api.post('/orders/stock-items', {
    sku: 'KAVE-1KG',
    name: 'Pörkölt kávé 1 kg',
    unitPrice: '10228',
    vatRate: '27',
    onHand: '50',
  });
  await api.post('/orders/stock-items', {
    sku: 'BOGRE-4',
    name: 'Bögre',
    unitPrice: '1000',
    vatRate: '27',
    onHand: '1',
    lowStockThreshold: '3',
  });
  const order = async (quantity: string, actions: string[]) => {
    const created = await api.post('/orders/orders', {
      customer: { name: 'Kovács Anna' },
      items: [{ stockItem: stock.body.data.documentId, quantity, unitPrice: '10000', vatRate: '0' }],
    });
    for (const action of actions) await api.post(`/orders/orders/${created.body.data.documentId}/actions/${action}`);
  };
  await order('1', ['finalize']);
  await order('2', ['finalize', 'fulfil']);
  await order('5', []);
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

test('the home page shows the day’s sales, the open orders and the low stock; a count opens the list', async () => {
  const page = await app.login();
  await page.goto(`${app.url}/admin`);
  const today = page.getByTestId('sales-today');
  await today.getByText(formatMoney('30000', 'HUF', 'en')).waitFor();
  await today.getByRole('link', { name: '2 orders' }).waitFor();
  await page
    .getByTestId('sales-month')
    .getByText(formatMoney('30000', 'HUF', 'en'))
    .waitFor();
  await page.getByTestId('sales-chart').waitFor();
  expect(await page.getByTestId('open-finalized').textContent()).toContain('1');
  expect(await page.getByTestId('open-fulfilled').textContent()).toContain('1');
  expect(await page.getByTestId('open-draft').textContent()).toContain('1');
  await page.getByTestId('low-stock-count').getByText('1 item low on stock').waitFor();
  await page.getByTestId('low-stock-BOGRE-4').getByText('1 / 3 db').waitFor();
  // Strapi's own widgets come first: the glance is below them, in the page's scrolling content.
  await page.getByTestId('sales-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'overview-01-home-en');

  await page.getByTestId('open-finalized').getByRole('link').click();
  await page.waitForURL(/\/admin\/plugins\/orders\?state=finalized$/);
  await page.locator('tr', { hasText: 'Kovács Anna' }).first().waitFor();
});

test('the day’s sales link opens the list of what it counts: the sales states, that day', async () => {
  const page = await app.login();
  await page.goto(`${app.url}/admin`);
  await page.getByTestId('sales-today').getByRole('link', { name: '2 orders' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\?/);
  const query = new URL(page.url()).searchParams;
  expect(query.get('state')).toBe('finalized,fulfilled,successful');
  expect(query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(query.get('to')).toBe(query.get('from'));
  // The finalized and the fulfilled order; not the draft, which is no sale.
  await page.getByText('2 orders', { exact: true }).waitFor();
  await page.getByText('State: Finalized, Fulfilled, Successful').waitFor();
  expect(await page.locator('tbody tr').count()).toBe(2);
  await screenshot(page, 'overview-04-sales-list');

  // The filter takes off one of the states: the others stay, and so do the days.
  await page.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Fulfilled' }).click();
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => url.searchParams.get('state') === 'finalized,successful');
  expect(new URL(page.url()).searchParams.get('from')).toBe(query.get('from'));
  await page.getByText('1 order', { exact: true }).waitFor();

  // The month's too: its first day to today.
  await page.goto(`${app.url}/admin`);
  await page.getByTestId('sales-month').getByRole('link', { name: '2 orders' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\?/);
  const month = new URL(page.url()).searchParams;
  expect(month.get('state')).toBe('finalized,fulfilled,successful');
  expect(month.get('from')).toBe(`${query.get('to')?.slice(0, 7)}-01`);
  await page.getByText('2 orders', { exact: true }).waitFor();
});

test('in Hungarian', async () => {
  const page = await app.login({ language: 'hu' });
  await page.goto(`${app.url}/admin`);
  await page.getByText('Forgalom', { exact: true }).waitFor();
  await page.getByText('Nyitott megrendelések', { exact: true }).waitFor();
  await page.getByText('Alacsony készlet', { exact: true }).first().waitFor();
  await page
    .getByTestId('sales-today')
    .getByText(formatMoney('30000', 'HUF', 'hu'))
    .waitFor();
  await page.getByTestId('sales-today').getByRole('link', { name: '2 megrendelés' }).waitFor();
  await page.getByTestId('low-stock-count').getByText('1 cikk készlete alacsony').waitFor();
  await page.getByTestId('sales-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'overview-02-home-hu');
});

test('without inventory.read, no Low stock widget', async () => {
  const page = await app.login({ actions: ['plugin::orders.order.read'] });
  await page.goto(`${app.url}/admin`);
  await page.getByTestId('sales-today').waitFor();
  await page.getByTestId('open-finalized').waitFor();
  expect(await page.getByText('Low stock', { exact: true }).count()).toBe(0);
  expect(await page.getByTestId('low-stock-count').count()).toBe(0);
  await screenshot(page, 'overview-03-orders-only');
});
