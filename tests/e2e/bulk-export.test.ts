/**
 * Bulk actions and exports in a real browser (issue 13 §6, §11): three orders ticked in the list
 * and finalized at once, one refused for short stock in the results dialog; "select all matching";
 * an export downloaded and read back; the inventory's low-stock filter and its sorts.
 */
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

const ACTOR = { type: 'system' as const, name: 'e2e' };
const service = (name: string) => app.strapi.plugin('orders').service(name);

const draftOf = async (customer: string, stockItem: string, quantity: string) =>
  (await service('orders').create({ customer: { name: customer }, items: [{ stockItem, quantity }] }, ACTOR)) as {
    documentId: string;
    number: string;
  };

test('three orders finalized at once, one refused for short stock; all matching selected; an export downloaded', async () => {
  const plenty = await service('inventory').create(
    { sku: 'E2E-BULK-1', name: 'Bögre', unitPrice: '2500', vatRate: '27', onHand: '20' },
    ACTOR
  );
  const scarce = await service('inventory').create(
    { sku: 'E2E-BULK-2', name: 'Kancsó', unitPrice: '6900', vatRate: '27', onHand: '1' },
    ACTOR
  );
  const orders = [
    await draftOf('Tömeges Anna', plenty.documentId, '2'),
    await draftOf('Tömeges Béla', scarce.documentId, '3'),
    await draftOf('Tömeges Cili', plenty.documentId, '1'),
  ];

  const page = await app.login();
  await page.goto(`${app.url}/admin/plugins/orders?_q=tomeges`);
  await page.getByText('Tömeges Cili').waitFor();
  for (const order of orders) await page.getByRole('checkbox', { name: `Select ${order.documentId}` }).click();
  const bar = page.getByRole('toolbar', { name: 'Selected orders' });
  await bar.getByText('3 orders selected').waitFor();
  await screenshot(page, 'bulk-01-selection');

  await bar.getByRole('button', { name: 'Finalize', exact: true }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByText('Finalize: 3 orders').waitFor();
  await confirm.getByRole('button', { name: 'Finalize', exact: true }).click();
  const results = page.getByRole('dialog');
  await results.getByText('2 of 3 orders done.').waitFor();
  const refused = results.getByRole('row', { name: new RegExp(orders[1].number) });
  await refused.getByText(/E2E-BULK-2/).waitFor();
  expect(await results.locator('tr[data-outcome="done"]').count()).toBe(2);
  await screenshot(page, 'bulk-02-results');
  await results.getByRole('button', { name: 'Close' }).first().click();

  // The list shows the new states; the refused order is still a draft.
  await page.locator('tr', { hasText: 'Tömeges Anna' }).getByText('Finalized').waitFor();
  await page.locator('tr', { hasText: 'Tömeges Béla' }).getByText('Draft').waitFor();

  // "Select all matching": beyond the page of two, every order the search finds.
  await page.goto(`${app.url}/admin/plugins/orders?_q=tomeges&pageSize=2&page=1`);
  await page.getByText('Tömeges Cili').waitFor();
  await page.getByRole('checkbox', { name: 'Select all entries' }).click();
  await bar.getByText('2 orders selected').waitFor();
  await bar.getByRole('button', { name: 'Select all 3 matching orders' }).click();
  await bar.getByText('All 3 matching orders selected').waitFor();

  // An export of the selection, per line, as Excel: read back, its amounts are numbers.
  const download = page.waitForEvent('download');
  await bar.getByRole('button', { name: 'Export selected' }).click();
  await page.getByRole('menuitem', { name: 'Excel (XLSX), per line' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('orders-lines.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!));
  const sheet = book.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('Number');
  expect(sheet.rowCount).toBe(4);
  expect(typeof sheet.getRow(2).getCell(23).value).toBe('number');
  await screenshot(page, 'bulk-03-export');
});

test('the inventory lists only the low items when asked, and sorts by a stock figure', async () => {
  await service('inventory').create(
    { sku: 'E2E-LOW-1', name: 'Alacsony tea', unitPrice: '900', vatRate: '27', onHand: '2', lowStockThreshold: '5' },
    ACTOR
  );
  await service('inventory').create(
    { sku: 'E2E-LOW-2', name: 'Bőven kávé', unitPrice: '900', vatRate: '27', onHand: '50', lowStockThreshold: '5' },
    ACTOR
  );
  const page = await app.login({ language: 'hu' });
  await page.goto(`${app.url}/admin/plugins/orders-inventory?_q=E2E-LOW`);
  await page.getByText('Bőven kávé').waitFor();
  await page.getByText('Csak az alacsony készletűek').click();
  await page.waitForURL(/lowStock=true/);
  await page.getByText('Bőven kávé').waitFor({ state: 'detached' });
  await page.getByText('Alacsony tea').waitFor();
  await screenshot(page, 'bulk-04-inventory-low-stock');

  // Off again, then sorted by the available stock, largest first.
  await page.getByText('Csak az alacsony készletűek').click();
  await page.getByText('Bőven kávé').waitFor();
  await page.locator('th', { hasText: 'Szabad készlet' }).click();
  await page.waitForURL(/sort=available%3Adesc|sort=available:desc/);
  const names = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(names.slice(0, 2)).toEqual(['Bőven kávé', 'Alacsony tea']);
  await screenshot(page, 'bulk-05-inventory-sorted');
});
