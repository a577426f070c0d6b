/**
 * Invoices in a real browser: the company's details through the service, a fulfilled order made
 * through the engine, its invoice issued from the datasheet's dialog, found in the Invoices list,
 * its datasheet with the PDF and the NAV XML, a storno with its reason, both numbers linked to each other; the
 * series' preview in the settings; and a second order invoiced from the orders list's selection.
 * Then an invoice template: made beside its preview on an invoice, the default of its kind.
 */
import { readFileSync } from 'fs';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { pdfPages } from '../helpers/pdf';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(() => app?.stop());
jest.setTimeout(180_000);

const ACTOR = { type: 'system' as const, name: 'e2e' };
const service = (name: string) => app.strapi.plugin('orders').service(name);

const COMPANY = {
  name: 'Kávéőrlő Űrhajó Kft.',
  address: { country: 'HU', postalCode: '1051', city: 'Budapest', street: 'Október 6. utca 7.' },
  taxNumber: '12345676-2-42',
  bankAccount: '11773016-11111018',
};

/** An order of one line, finalized and fulfilled through the engine. */
const fulfilledOrder = async (sku: string, customer: string) => {
  const item = await service('inventory').create({ sku, name: 'Pörkölt kávé ő ű', unitPrice: '12990', vatRate: '27', onHand: '20' }, ACTOR);
  const order = await service('orders').create(
    {
      customer: { name: customer, address: { country: 'HU', postalCode: '9021', city: 'Győr', street: 'Baross út 3.' } },
      items: [{ stockItem: item.documentId, quantity: '2' }],
    },
    ACTOR
  );
  for (const action of ['finalize', 'fulfil'] as const) await service('orders').transition(order.documentId, action, {}, ACTOR);
  return order as { documentId: string; number: string };
};

test('an invoice issued from the datasheet, listed, shown, stornoed; the preview of a series; invoices for selected orders', async () => {
  await service('settings').update({ company: COMPANY });
  const order = await fulfilledOrder('E2E-INV-1', 'Kovács Őrsike');
  const page = await app.login();

  await page.goto(`${app.url}/admin/plugins/orders/${order.documentId}`);
  await page.getByText('No invoice has been issued.').waitFor();
  await page.getByRole('button', { name: 'Invoice', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Issue date').waitFor();
  expect(await dialog.getByText('Bank transfer').count()).toBeGreaterThan(0);
  await screenshot(page, 'invoices-01-issue-dialog');
  const issued = page.waitForResponse((answer) => answer.url().endsWith('/invoice') && answer.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Issue invoice' }).click();
  const response = await issued;
  expect(response.status()).toBe(201);
  const { number } = ((await response.json()) as { data: { number: string } }).data;
  expect(number).toMatch(/^\d{4}-E\/\d{5}$/);

  // The invoice's own page: its details, the PDF shown once its job has made it, the NAV XML.
  await page.getByRole('heading', { name: `Invoice ${number}` }).waitFor();
  await page.getByText('Kovács Őrsike').first().waitFor();
  await page.getByText(COMPANY.name).first().waitFor();
  await page.getByText('Summary by VAT rate').waitFor();
  await page.locator('iframe').waitFor({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'NAV XML' }).click();
  const xml = readFileSync((await (await download).path())!, 'utf8');
  expect(xml).toContain(`<invoiceNumber>${number}</invoiceNumber>`);
  await screenshot(page, 'invoices-02-datasheet');

  await page.goto(`${app.url}/admin/plugins/orders-invoices`);
  await page.getByRole('link', { name: number }).waitFor();
  await page.getByRole('link', { name: order.number }).waitFor();
  await screenshot(page, 'invoices-03-list');
  await page.getByRole('link', { name: number }).click();

  await page.getByRole('button', { name: 'Storno' }).click();
  const storno = page.getByRole('dialog');
  await storno.getByRole('button', { name: 'Storno' }).click();
  await storno.getByText('Required').waitFor();
  await storno.getByLabel('Reason').fill('Hibás szállítási cím');
  await storno.getByRole('button', { name: 'Storno' }).click();
  await page.getByRole('heading', { name: /^Storno invoice / }).waitFor();
  const stornoNumber = (await page.getByRole('heading', { name: /^Storno invoice / }).innerText()).replace('Storno invoice ', '');
  expect(stornoNumber).not.toBe(number);
  await page.getByRole('link', { name: new RegExp(`^${number.replace('/', '\\/')} `) }).waitFor();
  await page.getByText('Hibás szállítási cím').waitFor();
  await screenshot(page, 'invoices-04-storno');

  await page.goto(`${app.url}/admin/plugins/orders-invoices`);
  await page.getByRole('link', { name: number }).waitFor();
  await page.getByRole('link', { name: stornoNumber }).waitFor();
  await page.getByText('Stornoed', { exact: true }).waitFor();
  await page.getByText('Storno invoice', { exact: true }).waitFor();

  // The order lists both, and may be invoiced again.
  await page.goto(`${app.url}/admin/plugins/orders/${order.documentId}`);
  await page.getByRole('link', { name: stornoNumber }).waitFor();
  expect(await page.getByRole('button', { name: 'Invoice', exact: true }).isEnabled()).toBe(true);

  // The series' preview continues the sequence in the pattern being edited.
  const next = Number(stornoNumber.slice(-5)) + 1;
  const year = stornoNumber.slice(0, 4);
  await page.goto(`${app.url}/admin/settings/orders-invoicing`);
  await page.getByText(`${year}-E/${String(next).padStart(5, '0')}`).waitFor();
  await page.getByLabel('Pattern').fill('SZ-{year}-{seq:3}');
  await page.getByText(`SZ-${year}-${String(next).padStart(3, '0')}`).waitFor();
  await screenshot(page, 'invoices-05-settings');

  // Several orders at once from the orders list: each with its outcome.
  const second = await fulfilledOrder('E2E-INV-2', 'Nagy Ödön');
  // The pattern is left unsaved: the browser asks before the page goes.
  page.once('dialog', (question) => question.accept());
  await page.goto(`${app.url}/admin/plugins/orders`);
  await page.getByRole('checkbox', { name: `Select ${second.documentId}` }).click();
  await page.getByRole('checkbox', { name: `Select ${order.documentId}` }).click();
  await page.getByRole('button', { name: 'Invoice', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Issue invoices' }).click();
  const results = page.getByRole('dialog');
  await results.getByText('2 of 2 orders invoiced.').waitFor();
  await results
    .getByRole('link', { name: new RegExp(`^${year}-E/\\d{5}$`) })
    .first()
    .waitFor();
  await screenshot(page, 'invoices-06-bulk');
});

test('an invoice template made beside its preview on an invoice, refused while a block is missing, the default of invoices', async () => {
  const page = await app.login();
  await page.goto(`${app.url}/admin/settings/orders-templates`);
  const preview = page.waitForResponse((answer) => answer.url().endsWith('/orders/templates/preview') && answer.status() === 200);
  await page.getByRole('button', { name: 'New invoice template' }).click();
  await page.getByText('{{invoice.number}}', { exact: true }).waitFor();
  const pdf = Buffer.from(((await (await preview).json()) as { data: { base64: string } }).data.base64, 'base64');
  expect((await pdfPages(pdf))[0]).toMatch(/INVOICE|STORNO INVOICE|SZÁMLA|SZTORNÓ SZÁMLA/);
  // An invoice's lines show every column: the form offers no choice of them.
  expect(await page.getByRole('checkbox', { name: 'SKU' }).count()).toBe(0);

  const editor = page.getByLabel('Template (JSON)');
  const whole = await editor.inputValue();
  await editor.fill(whole.replace('"totals": {}', '"text": ""'));
  await page.getByText('an invoice template must place this block').first().waitFor();
  expect(await page.getByRole('button', { name: 'Create template' }).isDisabled()).toBe(true);
  await editor.fill(whole);
  await page.getByLabel('Name').fill('Kávéház számla');
  await page.getByLabel('Default template').click();
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.getByText('Version 1 saved').first().waitFor();
  const row = page.getByRole('row', { name: /Kávéház számla/ });
  await row.getByText('Invoices').waitFor();
  await row.getByText('Default').waitFor();
  await screenshot(page, 'invoices-07-template');
});
