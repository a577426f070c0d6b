/**
 * The itemised view's columns, in English and Hungarian: every heading's words whole, "KEDVEZMÉNY %" and
 * "ÁFA-KULCS" on one line, a long SKU whole while the name has room, and a quantity's
 * problem under the field without pushing the unit off its line.
 */
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';

let app: BrowserApp;
let orderId: string;
beforeAll(async () => {
  app = await startBrowserApp();
  const system = { type: 'system', name: 'e2e' } as const;
  await app.strapi
    .plugin('orders')
    .service('inventory')
    .create({ sku: 'KAVE-ETIOP-1KG', name: 'Etióp kávé', unit: 'csomag', unitPrice: '6990', vatRate: '27', onHand: '10' }, system);
  const order = await app.strapi
    .plugin('orders')
    .service('orders')
    .create({ customer: { name: 'Kovács Anna' }, items: [{ sku: 'KAVE-ETIOP-1KG', quantity: '1' }] }, system);
  orderId = order.documentId;
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

test.each(['en', 'hu'] as const)('headings, SKU and a problem under the quantity (%s)', async (language) => {
  const page = await app.login({ language });
  await page.goto(`${app.url}/admin/plugins/orders/${orderId}`);
  const quantity = page.locator('input[inputmode="decimal"]').first();
  await quantity.waitFor();

  const headings = await page.$$eval('thead th', (cells) =>
    cells.map((cell) => {
      // The lines its text takes: the distinct tops of the text's boxes.
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
      return { text: cell.textContent, cut: cell.scrollWidth > cell.clientWidth, lines };
    })
  );
  expect(headings.filter((heading) => heading.cut)).toEqual([]);
  // The discount's and the VAT rate's headings on one line.
  const lines = (text: RegExp) => headings.find((heading) => text.test(heading.text ?? ''))!.lines;
  expect(lines(/^(Discount %|Kedvezmény %)$/)).toBe(1);
  expect(lines(/^(VAT rate|ÁFA-kulcs)$/)).toBe(1);

  const sku = page.locator('td', { hasText: 'KAVE-ETIOP-1KG' }).first();
  expect(await sku.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);

  await quantity.fill('1,23456');
  const cell = page.locator('td:has(> .problem)').first();
  await cell.waitFor();
  const geometry = await cell.evaluate((td) => {
    const input = td.querySelector('input')!.getBoundingClientRect();
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    let node: Node | null = walker.nextNode();
    while (node && !node.textContent?.includes('csomag')) node = walker.nextNode();
    const range = document.createRange();
    range.selectNodeContents(node!);
    const unit = range.getBoundingClientRect();
    const problem = td.querySelector('.problem')!.getBoundingClientRect();
    return {
      inputRight: input.right,
      inputMiddle: input.top + input.height / 2,
      inputBottom: input.bottom,
      unitLeft: unit.left,
      unitMiddle: unit.top + unit.height / 2,
      problemTop: problem.top,
    };
  });
  // The unit stays beside the input, on its line; the problem goes under both.
  expect(geometry.unitLeft).toBeGreaterThanOrEqual(geometry.inputRight - 1);
  expect(Math.abs(geometry.unitMiddle - geometry.inputMiddle)).toBeLessThan(8);
  expect(geometry.problemTop).toBeGreaterThanOrEqual(geometry.inputBottom - 1);
  await screenshot(page, `itemised-columns-${language}`);
});
