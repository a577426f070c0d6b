/**
 * Names sort by the Hungarian alphabet on both databases, whatever their collations — "Ágnes"
 * among the a's, not after "Zoltán"; "Cukor" before "Csaba"; "Olga" before "Ödön" — in the
 * customers list, the orders list's customer sort and the inventory, both ways where the list
 * sorts both ways; and rows from before the sort key get theirs at start.
 */
import { fillSortKeys } from '../../src/plugins/orders/server/src/core/sort-keys';
import { createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const TAG = `Rendez${Date.now()}`;
/** In the Hungarian alphabet's order; created shuffled. */
const NAMES = ['Ágnes', 'Andor', 'Cukor', 'Csaba', 'Emese', 'Éva', 'Olga', 'Ödön', 'Őze', 'Sári', 'Szabó', 'Zoltán', 'Zsófia'];
const shuffled = [...NAMES].sort((a, b) => ((a.length * 7 + a.charCodeAt(1)) % 13) - ((b.length * 7 + b.charCodeAt(1)) % 13));

beforeAll(async () => {
  app = await startApp();
  for (const name of shuffled) {
    await createOrder(app.admin, [{ name: 'Tétel', quantity: '1', unitPrice: '100', vatRate: '27' }], {
      customer: { name: `${name} ${TAG}` },
    });
    await createStockItem(app.admin, { sku: `${TAG}-${name}`, name: `${name} ${TAG}` });
  }
});
afterAll(() => app?.stop());

const names = async (url: string, field: (row: Record<string, unknown>) => string) => {
  const response = await app.admin.get(url);
  expect(response.status).toBe(200);
  return (response.body.data as Array<Record<string, unknown>>).map((row) => field(row).replace(` ${TAG}`, ''));
};
const customers = (sort: string) => names(`/orders/customers?q=${TAG}&sort=${sort}&pageSize=100`, (row) => String(row.name));
const orders = () =>
  names(`/orders/orders?q=${TAG}&sort=customer:asc&pageSize=100`, (row) => String((row.customer as { name: string }).name));
const items = (sort: string) => names(`/orders/stock-items?q=${TAG}&sort=${sort}&pageSize=100`, (row) => String(row.name));

test('the created order is not the alphabet’s', () => {
  expect(shuffled).not.toEqual(NAMES);
});

test('customers by name, both ways', async () => {
  expect(await customers('name:asc')).toEqual(NAMES);
  expect(await customers('name:desc')).toEqual([...NAMES].reverse());
});

test('orders by customer', async () => {
  expect(await orders()).toEqual(NAMES);
});

test('stock items by name, both ways', async () => {
  expect(await items('name:asc')).toEqual(NAMES);
  expect(await items('name:desc')).toEqual([...NAMES].reverse());
});

test('a renamed customer’s orders sort by the new name', async () => {
  const [andor] = await names(`/orders/customers?q=${encodeURIComponent(`Andor ${TAG}`)}`, (row) => String(row.documentId));
  const renamed = await app.admin.put(`/orders/customers/${andor}`, { name: `Zsuzsa ${TAG}` });
  expect(renamed.status).toBe(200);
  expect((await orders()).at(-1)).toBe('Zsuzsa');
  expect((await app.admin.put(`/orders/customers/${andor}`, { name: `Andor ${TAG}` })).status).toBe(200);
  expect(await orders()).toEqual(NAMES);
});

test('rows from before the sort key get theirs at start, and a second run finds none left', async () => {
  const table = (uid: string) => app.strapi.db.metadata.get(uid).tableName;
  await app.strapi.db.connection(table('plugin::orders.customer')).update({ name_sort_key: null });
  await app.strapi.db.connection(table('plugin::orders.stock-item')).update({ name_sort_key: null });
  await app.strapi.db.connection(table('plugin::orders.order')).update({ customer_sort_key: null });
  expect(await fillSortKeys(app.strapi)).toBeGreaterThanOrEqual(3 * NAMES.length);
  expect(await fillSortKeys(app.strapi)).toBe(0);
  expect(await customers('name:asc')).toEqual(NAMES);
  expect(await orders()).toEqual(NAMES);
  expect(await items('name:asc')).toEqual(NAMES);
});
