/**
 * The inventory list (issue 13 §6): sorted by the server by every column, both ways — the stock
 * figures too, reserved and physical from the ledger —, and filtered to the low-stock items.
 */
import { STOCK_ITEM_SORTS } from '../../src/plugins/orders/shared/contracts/inventory';
import { act, createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const TAG = `LST${Date.now()}`;
type Item = {
  sku: string;
  name: string;
  unitPrice: string;
  physical: string;
  reserved: string;
  onHand: string;
  lowStockThreshold: string | null;
};

beforeAll(async () => {
  app = await startApp();
  // Available 8, 3, 20; reserved 0, 4, 0 (a finalized order holds 4 of B); thresholds 10, 5, none.
  await createStockItem(app.admin, { sku: `${TAG}-A`, name: 'Cukor', unitPrice: '300', onHand: '8', lowStockThreshold: '10' });
  const b = await createStockItem(app.admin, { sku: `${TAG}-B`, name: 'Alma', unitPrice: '1200', onHand: '7', lowStockThreshold: '5' });
  await createStockItem(app.admin, { sku: `${TAG}-C`, name: 'Bors', unitPrice: '650', unit: 'kg', onHand: '20' });
  const order = await createOrder(app.admin, [{ stockItem: b.documentId, quantity: '4' }]);
  await act(app.admin, order.documentId, 'finalize');
  // A fulfilled order's goods have left: they count as reserved no more.
  const gone = await createOrder(app.admin, [{ stockItem: b.documentId, quantity: '1' }]);
  await act(app.admin, gone.documentId, 'finalize');
  await act(app.admin, gone.documentId, 'fulfil');
});
afterAll(() => app?.stop());

const list = async (query: string): Promise<Item[]> => {
  const response = await app.admin.get(`/orders/stock-items?q=${TAG}&${query}`);
  expect(response.status).toBe(200);
  return response.body.data;
};
const skus = (items: Item[]) => items.map((item) => item.sku.replace(`${TAG}-`, ''));

test.each([
  ['sku:asc', 'ABC'],
  ['sku:desc', 'CBA'],
  ['name:asc', 'BCA'],
  ['unitPrice:desc', 'BCA'],
  ['unitPrice:asc', 'ACB'],
  // Ties go by id, in the sort's direction.
  ['unit:desc', 'CBA'],
  ['unit:asc', 'ABC'],
  ['available:asc', 'BAC'],
  ['available:desc', 'CAB'],
  ['reserved:desc', 'BCA'],
  ['physical:asc', 'BAC'],
  ['physical:desc', 'CAB'],
  ['lowStockThreshold:desc', 'ABC'],
  ['lowStockThreshold:asc', 'BAC'],
])('sort=%s lists %s', async (sort, order) => {
  expect(skus(await list(`sort=${sort}`)).join('')).toBe(order);
});

test('the VAT rate sorts by its percentage, "5" before "27"; the exempt codes, which charge none, right after "0"', async () => {
  const tag = `VAT${Date.now()}`;
  for (const vatRate of ['27', 'TAM', '5', '0', '18', 'AAM', 'EU'])
    await createStockItem(app.admin, { sku: `${tag}-${vatRate}`, name: `ÁFA ${vatRate}`, vatRate });
  const rates = async (direction: string) =>
    ((await app.admin.get(`/orders/stock-items?q=${tag}&sort=vatRate:${direction}`)).body.data as Item[]).map((item) =>
      item.sku.replace(`${tag}-`, '')
    );
  expect(await rates('asc')).toEqual(['0', 'AAM', 'TAM', 'EU', '5', '18', '27']);
  expect(await rates('desc')).toEqual(['27', '18', '5', 'EU', 'TAM', 'AAM', '0']);
});

test('the figures the sorts went by are the list’s own', async () => {
  const items = await list('sort=sku:asc');
  expect(items.map(({ onHand, reserved, physical }) => [onHand, reserved, physical])).toEqual([
    ['8', '0', '8'],
    ['2', '4', '6'],
    ['20', '0', '20'],
  ]);
});

test('every sort the contract names is taken, with a page and the count of all', async () => {
  for (const sort of STOCK_ITEM_SORTS) {
    const response = await app.admin.get(`/orders/stock-items?q=${TAG}&sort=${sort}&pageSize=2&page=2`);
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.meta.pagination.total).toBe(3);
  }
});

test('lowStock=true lists only the items at or below their threshold; without a threshold an item is never low', async () => {
  const low = await list('lowStock=true');
  expect(skus(low)).toEqual(['A', 'B']);
  expect(low.every((item) => (item as Item & { isLow: boolean }).isLow)).toBe(true);
  expect(skus(await list('lowStock=false'))).toEqual(['A', 'B', 'C']);
});

test('a sort or filter the list does not know is refused at its field', async () => {
  for (const [query, path] of [
    ['sort=onHand:up', 'sort'],
    ['lowStock=yes', 'lowStock'],
  ]) {
    const response = await app.admin.get(`/orders/stock-items?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [path], code: 'notOneOf' })]);
  }
});
