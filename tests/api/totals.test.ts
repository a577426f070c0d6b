/**
 * Totals as the API speaks them: decimal strings in the order's currency, rounded half-up at each
 * line, summed, with one row per VAT rate.
 */
import { createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

test('a forint order: whole forints, VAT per line, breakdown per rate', async () => {
  const coffee = await createStockItem(app.admin, { unitPrice: '1999', vatRate: '27', unit: 'kg' });
  const order = await createOrder(app.admin, [
    { stockItem: coffee.documentId, quantity: '2.5', discountPercent: '10' }, // 4497.75 → 4498, VAT 1214.46 → 1214
    { name: 'Receptkönyv', quantity: '1', unitPrice: '5990', vatRate: '5' }, // VAT 299.5 → 300
    { name: 'Tanácsadás', quantity: '1', unitPrice: '10000', vatRate: 'AAM' },
  ]);
  const { items, totals } = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data;
  expect(items.map((i: { net: string; vat: string; gross: string }) => [i.net, i.vat, i.gross])).toEqual([
    ['4498', '1214', '5712'],
    ['5990', '300', '6290'],
    ['10000', '0', '10000'],
  ]);
  expect(totals).toEqual({
    net: '20488',
    vat: '1514',
    gross: '22002',
    byVatRate: [
      { vatRate: '27', net: '4498', vat: '1214', gross: '5712' },
      { vatRate: '5', net: '5990', vat: '300', gross: '6290' },
      { vatRate: 'AAM', net: '10000', vat: '0', gross: '10000' },
    ],
  });
});

test('a euro order: cents, and a coupon line with a negative price', async () => {
  const order = await createOrder(
    app.admin,
    [
      { name: 'Widget', quantity: '3', unitPrice: '12.99', vatRate: '27' },
      { name: 'Kupon', quantity: '1', unitPrice: '-5.00', vatRate: '27' },
    ],
    { currency: 'EUR' }
  );
  const { items, totals, currency } = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data;
  expect(currency).toBe('EUR');
  expect(items[0]).toMatchObject({ unitPrice: '12.99', net: '38.97', vat: '10.52', gross: '49.49' });
  expect(items[1]).toMatchObject({ unitPrice: '-5.00', net: '-5.00', vat: '-1.35', gross: '-6.35' });
  expect(totals).toMatchObject({ net: '33.97', vat: '9.17', gross: '43.14' });
});

test('an order of the most lines the API takes (2 000) is saved whole, in order, and replaced whole', async () => {
  const coffee = await createStockItem(app.admin, { unitPrice: '1000', vatRate: '27' });
  const lines = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      i % 2 ? { name: `Line ${i + 1}`, quantity: '1', unitPrice: '100', vatRate: '5' } : { stockItem: coffee.documentId, quantity: '2' }
    );
  const order = await createOrder(app.admin, lines(2000));
  const { items, totals } = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data;
  expect(items).toHaveLength(2000);
  expect(items.map((item: { position: number }) => item.position)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  expect(items[1999]).toMatchObject({ name: 'Line 2000', stockItem: null });
  expect(items[1998]).toMatchObject({ sku: coffee.sku, stockItem: coffee.documentId });
  // 1 000 × 2 540 (2 × 1 000 + 27 %) + 1 000 × 105.
  expect(totals.gross).toBe('2645000');

  const replaced = await app.admin.put(`/orders/orders/${order.documentId}`, { items: lines(3) });
  expect(replaced.status).toBe(200);
  expect(replaced.body.data.items.map((item: { name: string }) => item.name)).toEqual([coffee.name, 'Line 2', coffee.name]);
  const list = await app.admin.get(`/orders/orders?q=${order.number}`);
  expect(list.body.data[0]).toMatchObject({ lineCount: 3, totals: { gross: '5185' } });
});
