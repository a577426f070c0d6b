/**
 * Order documents in a real browser: the company's details, a custom template edited with its
 * preview following the edit, made the default; an order finalized on its datasheet, its
 * document appearing there, previewed and downloaded — the PDF's text read back.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { pdfPages } from '../helpers/pdf';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

const ACTOR = { type: 'system' as const, name: 'e2e' };

/** A draft of two lines, made through the engine. */
const draftOrder = async () => {
  const service = (name: string) => app.strapi.plugin('orders').service(name);
  const items = [];
  for (const [sku, name] of [
    ['E2E-DOC-1', 'Pörkölt kávé ő ű'],
    ['E2E-DOC-2', 'Bögre Ő Ű'],
  ]) {
    const item = await service('inventory').create({ sku, name, unitPrice: '12990', vatRate: '27', onHand: '20' }, ACTOR);
    items.push({ stockItem: item.documentId, quantity: '2' });
  }
  return service('orders').create({ customer: { name: 'Kovács Őrsike' }, items }, ACTOR);
};

/** The PDF of the next preview the editor asks for. */
const nextPreview = async (page: Page) => {
  const response = await page.waitForResponse((answer) => answer.url().endsWith('/orders/templates/preview') && answer.status() === 200);
  return Buffer.from(((await response.json()) as { data: { base64: string } }).data.base64, 'base64');
};

test('the company, a template edited beside its preview, a finalize, the document on the datasheet', async () => {
  const page = await app.login();

  await page.goto(`${app.url}/admin/settings/orders-company`);
  await page.getByLabel('Company name').fill('Kávéőrlő Űrhajó Kft.');
  await page.getByLabel('Tax number').fill('12345678-2-42');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Not a Hungarian tax number').first().waitFor();
  await screenshot(page, 'documents-01-company-refused');
  await page.getByLabel('Tax number').fill('12345676-2-42');
  await page.getByLabel('Bank account number').fill('11773016-11111018');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved').first().waitFor();

  const order = await draftOrder();
  await page.goto(`${app.url}/admin/settings/orders-templates`);
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Name').fill('Visszaigazolás');
  const first = await nextPreview(page);
  expect((await pdfPages(first))[0]).toContain(`Megrendelés ${order.number}`);

  const editor = page.getByLabel('Template (JSON)');
  const changed = nextPreview(page);
  await editor.fill((await editor.inputValue()).replace('Megrendelés {{order.number}}', 'Visszaigazolás {{order.number}}'));
  expect((await pdfPages(await changed))[0]).toContain(`Visszaigazolás ${order.number}`);
  await page.locator('iframe[title="Preview"]').waitFor();

  // The form writes into the JSON: a column left out of the lines, the preview following.
  const fewer = nextPreview(page);
  await page.getByRole('checkbox', { name: 'SKU' }).click();
  const [withoutSku] = await pdfPages(await fewer);
  expect(withoutSku).toContain('Megnevezés Mennyiség');
  expect(withoutSku).not.toContain('Cikkszám');
  expect(await editor.inputValue()).not.toContain('"sku"');
  expect(await page.getByText('The preview could not be made.').count()).toBe(0);
  await screenshot(page, 'documents-02-template-preview');

  await editor.fill((await editor.inputValue()).replace('"content"', '"svg": 1, "content"'));
  await page.getByText('svg: the template element has no such setting').first().waitFor();
  expect(await page.getByRole('button', { name: 'Create template' }).isDisabled()).toBe(true);
  await editor.fill((await editor.inputValue()).replace('"svg": 1, ', ''));
  await page.getByLabel('Default template').click();
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.getByText('Version 1 saved').first().waitFor();

  await page.goto(`${app.url}/admin/plugins/orders/${order.documentId}`);
  await page.getByRole('button', { name: 'Finalize' }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await dialog.getByRole('button', { name: 'Finalize' }).click();
  await page.getByText('Finalized', { exact: true }).first().waitFor();
  await page.getByText('Version 1', { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText('Issued', { exact: true }).first().waitFor();
  await screenshot(page, 'documents-03-datasheet');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download / }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`megrendeles-${order.number}-v1.pdf`);
  const [text] = await pdfPages(readFileSync((await file.path())!));
  expect(text).toContain(`Visszaigazolás ${order.number}`);
  expect(text).toContain('Pörkölt kávé ő ű');
  expect(text).toContain('Kávéőrlő Űrhajó Kft.');

  await page.getByRole('button', { name: 'Reissue' }).click();
  await page.getByText('Version 2', { exact: true }).waitFor();
  await screenshot(page, 'documents-04-reissued');
});

test('an order in English, chosen on New order and kept on its datasheet, is issued an English document', async () => {
  // The built-in template's words: the custom template the first test made the default is retired.
  const templates = app.strapi.plugin('orders').service('documentTemplates');
  for (const { key } of await templates.list()) await templates.retire(key);
  const page = await app.login();

  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('button', { name: 'New order' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Customer name').fill('Jane Smith');
  const language = form.getByRole('combobox', { name: 'Document language' });
  await expect(language.innerText()).resolves.toContain('Hungarian');
  await language.click();
  await page.getByRole('option', { name: 'English' }).click();
  await screenshot(page, 'documents-05-new-order-in-english');
  await form.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/admin\/plugins\/orders\/[a-z0-9]{20,}$/);
  const documentId = page.url().split('/').at(-1)!;
  const order = await app.strapi.plugin('orders').service('orders').get(documentId);
  expect(order.language).toBe('en');

  // The datasheet shows it, and Edit details keeps it (or changes it) while the order is a draft.
  const card = page.locator('section, div').filter({ hasText: 'Document language' }).last();
  await card.getByText('English', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Document language' }).innerText()).resolves.toContain('English');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Details saved').first().waitFor();
  expect((await app.strapi.plugin('orders').service('orders').get(documentId)).language).toBe('en');

  const item = await app.strapi
    .plugin('orders')
    .service('inventory')
    .create({ sku: 'E2E-DOC-EN', name: 'Coffee mug', unitPrice: '3290', vatRate: '27', onHand: '5' }, ACTOR);
  await app.strapi
    .plugin('orders')
    .service('orders')
    .update(documentId, { items: [{ stockItem: item.documentId, quantity: '2' }] }, ACTOR);
  await page.reload();
  await page.getByRole('button', { name: 'Finalize' }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await dialog.getByRole('button', { name: 'Finalize' }).click();
  await page.getByText('Version 1', { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText('Issued', { exact: true }).first().waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download / }).click();
  const [text] = await pdfPages(readFileSync((await (await download).path())!));
  expect(text).toContain(`Order ${order.number}`);
  for (const word of ['Quantity', 'Unit price', 'Gross total', 'Coffee mug']) expect(text).toContain(word);
  expect(text).not.toContain('Mennyiség');
});
