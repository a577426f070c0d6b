/**
 * The orders and customers lists' search forgives accents and case on both databases: "kovacs"
 * finds "Kovács Éva", "SZABO" finds "Szabó". An order is found by its number, its customer's
 * name, e-mail, phone, company and tax number, and its lines' SKUs; the keys follow an edit of
 * the customer and a webshop's update, and the start-up migration gives old rows theirs.
 */
import { createStockItem, createOrder } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';
import { webshopFixture, webshops } from '../helpers/webshops';
import { fillSearchKeys } from '../../src/plugins/orders/server/src/features/orders/search-keys';

let app: TestApp;
const { connect, deliverWoo } = webshops(() => app);

const ordersFound = async (q: string): Promise<string[]> => {
  const response = await app.admin.get(`/orders/orders?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(response.status).toBe(200);
  return response.body.data.map((order: { number: string }) => order.number);
};
const customersFound = async (q: string): Promise<string[]> => {
  const response = await app.admin.get(`/orders/customers?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(response.status).toBe(200);
  return response.body.data.map((customer: { name: string }) => customer.name);
};

let eva: { documentId: string; number: string };
let peter: { documentId: string; number: string };

beforeAll(async () => {
  app = await startApp();
  const item = await createStockItem(app.admin, { sku: 'KERESO-KEK-42' });
  eva = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }], {
    customer: {
      name: 'Kovács Éva',
      email: 'eva.kovacs@pelda.hu',
      phone: '+36 20 555 1234',
      company: 'Éva Bt.',
      taxNumber: '87654321-1-42',
    },
  });
  peter = await createOrder(app.admin, [{ name: 'Szolgáltatás', quantity: '1', unitPrice: '1000', vatRate: '27' }], {
    customer: { name: 'Szabó Péter' },
  });
}, 120_000);

afterAll(() => app?.stop());

describe('the orders list’s search', () => {
  test('finds a customer’s order without accents and in any case', async () => {
    expect(await ordersFound('kovacs')).toEqual([eva.number]);
    expect(await ordersFound('KOVÁCS ÉVA')).toEqual([eva.number]);
    expect(await ordersFound('SZABO')).toEqual([peter.number]);
    expect(await ordersFound('szabó péter')).toEqual([peter.number]);
  });

  test('finds by number, e-mail, phone as written or as digits, company, tax number and SKU', async () => {
    expect(await ordersFound(eva.number)).toEqual([eva.number]);
    expect(await ordersFound('EVA.KOVACS@pelda')).toEqual([eva.number]);
    expect(await ordersFound('20 555 1234')).toEqual([eva.number]);
    expect(await ordersFound('205551234')).toEqual([eva.number]);
    expect(await ordersFound('eva bt')).toEqual([eva.number]);
    expect(await ordersFound('87654321')).toEqual([eva.number]);
    expect(await ordersFound('kereso-kek')).toEqual([eva.number]);
  });

  test('finds nothing for what no order holds, and reads % and _ as themselves', async () => {
    expect(await ordersFound('kovacs szabo')).toEqual([]);
    expect(await ordersFound('%')).toEqual([]);
    expect(await ordersFound('kereso_kek')).toEqual([]);
  });
});

describe('the customers list’s search', () => {
  test('forgives accents and case the same way', async () => {
    expect(await customersFound('kovacs')).toEqual(['Kovács Éva']);
    expect(await customersFound('SZABO')).toEqual(['Szabó Péter']);
    expect(await customersFound('EVA.KOVACS')).toEqual(['Kovács Éva']);
    expect(await customersFound('205551234')).toEqual(['Kovács Éva']);
    expect(await customersFound('87654321')).toEqual(['Kovács Éva']);
  });
});

describe('the keys follow what they are made of', () => {
  test('an edit of the customer: its orders are found by the new details, not the old', async () => {
    const order = (await app.admin.get(`/orders/orders/${peter.documentId}`)).body.data;
    const response = await app.admin.put(`/orders/customers/${order.customer.documentId}`, {
      name: 'Szabóné Tóth Ildikó',
      email: 'ildiko@pelda.hu',
    });
    expect(response.status).toBe(200);
    expect(await ordersFound('toth ildiko')).toEqual([peter.number]);
    expect(await ordersFound('ILDIKO@')).toEqual([peter.number]);
    expect(await ordersFound('szabo peter')).toEqual([]);
    expect(await customersFound('toth')).toEqual(['Szabóné Tóth Ildikó']);
  });

  test('a webshop’s order is found by its customer and number, and by its lines after the shop changes them', async () => {
    const connection = await connect('woocommerce');
    const order = { ...JSON.parse(webshopFixture('woocommerce_hu_order.json')), id: 7301, number: 'WEB-7301' };
    order.billing = { ...order.billing, first_name: 'Ödön', last_name: 'Kerékgyártó', email: 'odon@bolt.hu', company: '' };
    expect((await deliverWoo(connection, order)).status).toBe(200);
    const [number] = await ordersFound('kerekgyarto odon');
    expect(number).toBeDefined();
    expect(await ordersFound('web-7301')).toEqual([number]);
    expect(await customersFound('KEREKGYARTO')).toEqual(['Kerékgyártó Ödön']);

    const lines = order.line_items.map((line: Record<string, unknown>, i: number) => (i === 0 ? { ...line, sku: 'UJ-CIKK-77' } : line));
    const updated = { ...order, line_items: lines, date_modified_gmt: '2030-01-01T00:00:00' };
    expect((await deliverWoo(connection, updated)).status).toBe(200);
    expect(await ordersFound('uj-cikk-77')).toEqual([number]);
  });
});

describe('the start-up migration', () => {
  test('gives old orders and customers their keys, and finds nothing left on a second run', async () => {
    const orders = app.strapi.db.metadata.get('plugin::orders.order').tableName;
    const customers = app.strapi.db.metadata.get('plugin::orders.customer').tableName;
    await app.strapi.db.connection(orders).update({ search_key: null });
    await app.strapi.db.connection(customers).update({ search_key: null });
    expect(await ordersFound('kovacs')).toEqual([]);

    const filled = await fillSearchKeys(app.strapi);
    expect(filled.orders).toBeGreaterThanOrEqual(3);
    expect(filled.customers).toBeGreaterThanOrEqual(3);
    expect(await ordersFound('kovacs')).toEqual([eva.number]);
    expect(await ordersFound('kereso-kek')).toEqual([eva.number]);
    expect(await customersFound('SZABONE')).toEqual(['Szabóné Tóth Ildikó']);
    expect(await fillSearchKeys(app.strapi)).toEqual({ customers: 0, orders: 0 });
  });
});
