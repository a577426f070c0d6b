/**
 * The orders export (issue 13 §6): the orders the list's filters find — or a selection of them —
 * one row per order or per line, as CSV (headers in the reader's language, Hungarian decimal
 * commas) and as an Excel workbook read back with exceljs: amounts and quantities number cells
 * with formats, dates date cells.
 */
import ExcelJS from 'exceljs';
import { MAX_EXPORT_IDS } from '../../src/plugins/orders/shared/contracts/orders';
import { permission } from '../../src/plugins/orders/shared/contracts/permissions';
import { act, createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
/** What the tests export: their customers' names hold the tag, so `q` finds only these. */
const TAG = `Exportteszt${Date.now()}`;
let forint: { documentId: string; number: string };
let euro: { documentId: string; number: string };
let draft: { documentId: string; number: string };

beforeAll(async () => {
  app = await startApp();
  const coffee = await createStockItem(app.admin, { sku: 'KAVE-EXP', name: 'Pörkölt kávé', unitPrice: '8990', onHand: '100' });
  forint = await createOrder(
    app.admin,
    [
      { stockItem: coffee.documentId, quantity: '2' },
      { name: 'Szállítási díj', quantity: '1', unitPrice: '1490', vatRate: '27' },
    ],
    { customer: { name: `Kovács Anna ${TAG}`, email: 'anna@example.hu', phone: '+36 30 123 4567' } }
  );
  euro = await createOrder(app.admin, [{ name: '=Tea', quantity: '2.5', unit: 'kg', unitPrice: '12.5', vatRate: '27' }], {
    currency: 'EUR',
    customer: { name: `Nagy Ödön ${TAG}`, company: 'Ödön Kft.', taxNumber: '12345676-2-42' },
  });
  draft = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }], {
    customer: { name: `Szabó Éva ${TAG}` },
  });
  for (const order of [forint, euro]) await act(app.admin, order.documentId, 'finalize');
});
afterAll(() => app?.stop());

const text = async (url: string) => {
  const response = await app.admin.bytes(url);
  return { response, text: (response.body as Buffer).toString('utf8') };
};
/** The CSV's rows, split at the separator (none of these fields is quoted). */
const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));

const workbook = async (url: string) => {
  const response = await app.admin.bytes(url);
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.body as Buffer);
  return { response, sheet: book.worksheets[0] };
};

describe('CSV', () => {
  test('one row per order, in Hungarian: the header in Hungarian, the filters honoured, decimal commas, text made inert', async () => {
    const { response, text: csv } = await text(`/orders/orders/export.csv?q=${TAG}&state=finalized&sort=number:asc&language=hu`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('megrendelesek.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toEqual([
      'Sorszám',
      'Dátum',
      'Állapot',
      'Egyedi státusz',
      'Forrás',
      'Webshop sorszáma',
      'Ügyfél',
      'E-mail',
      'Telefon',
      'Cégnév',
      'Adószám',
      'Pénznem',
      'Tételek',
      'Nettó',
      'ÁFA',
      'Bruttó',
    ]);
    // The draft is filtered out; the two finalized ones come in their numbers' order.
    expect(rows.map((row) => row[0])).toEqual([forint.number, euro.number]);
    const [huf, eur] = rows;
    expect(huf[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(huf.slice(2, 5)).toEqual(['Véglegesített', '', 'Kézi']);
    // A phone's "+" would start a formula: inert, as in the customers' export.
    expect(huf.slice(6, 9)).toEqual([`Kovács Anna ${TAG}`, 'anna@example.hu', "'+36 30 123 4567"]);
    // 2 × 8990 + 1490 = 19470 net, 27 %: 5257 VAT.
    expect(huf.slice(11)).toEqual(['HUF', '2', '19470', '5257', '24727']);
    // 2.5 × 12.50 = 31.25 net; 8.44 VAT; in Hungarian with decimal commas.
    expect(eur.slice(9)).toEqual(['Ödön Kft.', '12345676-2-42', 'EUR', '1', '31,25', '8,44', '39,69']);
  });

  test('one row per line, in English: the header in English, decimal points, the lines in their order', async () => {
    const { text: csv } = await text(`/orders/orders/export.csv?q=${TAG}&rows=lines&sort=number:asc&language=en`);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toEqual([
      'Number',
      'Date',
      'State',
      'Custom status',
      'Source',
      "Shop's number",
      'Customer',
      'Email',
      'Phone',
      'Company',
      'Tax number',
      'Currency',
      '#',
      'SKU',
      'Name',
      'Quantity',
      'Unit',
      'Unit price (net)',
      'Discount %',
      'VAT rate',
      'Net',
      'VAT',
      'Gross',
    ]);
    expect(rows.map((row) => [row[0], row[2], ...row.slice(12)])).toEqual([
      [forint.number, 'Finalized', '1', 'KAVE-EXP', 'Pörkölt kávé', '2', 'db', '8990', '0', '27', '17980', '4855', '22835'],
      [forint.number, 'Finalized', '2', '', 'Szállítási díj', '1', 'db', '1490', '0', '27', '1490', '402', '1892'],
      // A name a spreadsheet would run as a formula is made inert.
      [euro.number, 'Finalized', '1', '', "'=Tea", '2.5', 'kg', '12.50', '0', '27', '31.25', '8.44', '39.69'],
      [draft.number, 'Draft', '1', '', 'Bögre', '1', 'db', '2500', '0', '27', '2500', '675', '3175'],
    ]);
  });

  test('a selection: only the orders named by ids=', async () => {
    const { text: csv } = await text(`/orders/orders/export.csv?ids=${draft.documentId},${euro.documentId}&sort=number:asc&language=en`);
    expect(
      rowsOf(csv)
        .slice(1)
        .map((row) => row[0])
    ).toEqual([euro.number, draft.number]);
  });
});

describe('XLSX', () => {
  test('per order: the header in the reader’s language, amounts as number cells in their currency’s format, dates as dates', async () => {
    const { response, sheet } = await workbook(`/orders/orders/export.xlsx?q=${TAG}&sort=number:asc&language=hu`);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain('megrendelesek.xlsx');
    expect(sheet.name).toBe('Megrendelések');
    expect(sheet.getRow(1).getCell(1).value).toBe('Sorszám');
    expect(sheet.getRow(1).getCell(16).value).toBe('Bruttó');
    expect(sheet.rowCount).toBe(4);

    const huf = sheet.getRow(2);
    expect(huf.getCell(1).value).toBe(forint.number);
    expect(huf.getCell(2).value).toBeInstanceOf(Date);
    expect(huf.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(huf.getCell(3).value).toBe('Véglegesített');
    expect(huf.getCell(13).value).toBe(2);
    expect(huf.getCell(16).value).toBe(24727);
    expect(huf.getCell(16).numFmt).toBe('#,##0');

    const eur = sheet.getRow(3);
    expect(eur.getCell(12).value).toBe('EUR');
    expect(eur.getCell(14).value).toBe(31.25);
    expect(eur.getCell(16).value).toBe(39.69);
    expect(eur.getCell(16).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(4).getCell(3).value).toBe('Piszkozat');
  });

  test('per line, in English: quantities and prices are numbers; a formula-like name stays text', async () => {
    const { sheet } = await workbook(`/orders/orders/export.xlsx?q=${TAG}&rows=lines&state=finalized&sort=number:asc&language=en`);
    expect(sheet.name).toBe('Orders');
    expect(sheet.getRow(1).getCell(16).value).toBe('Quantity');
    expect(sheet.rowCount).toBe(4);
    const tea = sheet.getRow(4);
    expect(tea.getCell(15).value).toBe('=Tea');
    expect(tea.getCell(16).value).toBe(2.5);
    expect(tea.getCell(18).value).toBe(12.5);
    expect(tea.getCell(23).value).toBe(39.69);
  });
});

describe('refusals', () => {
  test('the list’s read permission: a role without it gets 403', async () => {
    const noOrders = await app.as([permission('inventory', 'read')]);
    expect((await noOrders.get('/orders/orders/export.csv')).status).toBe(403);
    expect((await noOrders.get('/orders/orders/export.xlsx')).status).toBe(403);
    const reader = await app.as([permission('order', 'read')]);
    expect((await reader.get(`/orders/orders/export.csv?q=${TAG}`)).status).toBe(200);
  });

  test.each([
    ['rows=everything', 'rows', 'notOneOf'],
    ['language=de', 'language', 'notOneOf'],
    ['from=2026-12-02&to=2026-12-01', 'to', 'toBeforeFrom'],
    [`ids=${Array.from({ length: MAX_EXPORT_IDS + 1 }, (_, i) => `id${i}`).join(',')}`, 'ids', 'tooMany'],
  ])('?%s → 400 at %s', async (query, path, code) => {
    for (const format of ['csv', 'xlsx']) {
      const response = await app.admin.get(`/orders/orders/export.${format}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [path], code })]);
    }
  });
});
