/**
 * The home page's glance at a fixed day, 15 November 2026 in Budapest: the day's and the month's
 * sales per currency (only finalized, fulfilled and successful orders, by the shop's calendar day),
 * the chart's 30 days, the open orders by state and custom status, the low stock, bad input and
 * permissions.
 */
import { addDays, dayIn, startOfDay } from '../../src/plugins/orders/shared/domain/calendar';
import { act, createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

const TZ = 'Europe/Budapest';
const DAY = '2026-11-15';
const ORDER = (action: string) => `plugin::orders.order.${action}`;
const INVENTORY = (action: string) => `plugin::orders.inventory.${action}`;

let app: TestApp;
let stockItem: string;

/** `hours` after midnight of `day` in Budapest. */
const at = (day: string, hours: number) => new Date(startOfDay(day, TZ).getTime() + hours * 3_600_000);

const PATHS: Record<string, string[]> = {
  draft: [],
  finalized: ['finalize'],
  fulfilled: ['finalize', 'fulfil'],
  successful: ['finalize', 'fulfil', 'succeed'],
  failed: ['finalize', 'fail'],
};

/** An order of one line worth `gross` (VAT 0), moved to `state`, created at `when`. */
const orderOf = async (
  state: string,
  gross: string,
  when: Date,
  { currency = 'HUF', customStatus }: { currency?: string; customStatus?: string } = {}
) => {
  const order = await createOrder(app.admin, [{ stockItem, quantity: '1', unitPrice: gross, vatRate: '0' }], { currency });
  for (const action of PATHS[state]) expect((await act(app.admin, order.documentId, action)).status).toBe(200);
  if (customStatus) {
    expect((await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus })).status).toBe(200);
  }
  await app.strapi.db.connection('orders_orders').where({ document_id: order.documentId }).update({ created_at: when });
  return order;
};

beforeAll(async () => {
  app = await startApp();
  stockItem = (await createStockItem(app.admin, { sku: 'PLENTY', onHand: '1000' })).documentId;

  // The day itself, from its first half hour (23:30 UTC the day before) to its last.
  await orderOf('finalized', '1000', at(DAY, 10), { customStatus: 'processing' });
  await orderOf('fulfilled', '2000', at(DAY, 0.5), { customStatus: 'in-delivery' });
  await orderOf('successful', '500', at(DAY, 23.5));
  await orderOf('finalized', '12.50', at(DAY, 12), { currency: 'EUR' });
  // Not sales: a draft and a failed order of the day.
  await orderOf('draft', '100000', at(DAY, 9));
  await orderOf('failed', '200000', at(DAY, 11));
  // The month's, before the day: the last half hour of the day before, the month's first minutes.
  await orderOf('finalized', '4000', at(addDays(DAY, -1), 23.5), { customStatus: 'processing' });
  await orderOf('successful', '8000', at('2026-11-01', 0.2), { customStatus: 'processing' });
  // Before the month, within the chart's 30 days; before the chart; after the day.
  await orderOf('fulfilled', '16000', at('2026-10-31', 23.8));
  await orderOf('successful', '32000', at('2026-10-16', 12));
  await orderOf('finalized', '64000', at(addDays(DAY, 1), 1));

  // Low stock: at or below the threshold, furthest below first, ties by SKU.
  for (const [sku, onHand, lowStockThreshold] of [
    ['LOW-A', '0', '5'],
    ['LOW-B', '3', '5'],
    ['LOW-C', '10', '5'],
    ['LOW-D', '0', null],
    ['LOW-E', '5', '5'],
    ['LOW-G', '0', '1'],
    ['LOW-H', '1', '2'],
    ['LOW-I', '2', '2'],
  ] as const) {
    await createStockItem(app.admin, { sku, name: `Cikk ${sku}`, unit: 'kg', onHand, ...(lowStockThreshold ? { lowStockThreshold } : {}) });
  }
});
afterAll(() => app?.stop());

const overview = async (query = `?day=${DAY}`) => {
  const response = await app.admin.get(`/orders/overview${query}`);
  expect(response.status).toBe(200);
  return response.body.data;
};

describe('sales', () => {
  test('the day and the month, per currency, by the shop’s calendar day', async () => {
    const data = await overview();
    expect(data).toMatchObject({ day: DAY, monthStart: '2026-11-01', timeZone: TZ, currency: 'HUF' });
    expect(data.salesStates).toEqual(['finalized', 'fulfilled', 'successful']);
    expect(data.sales.day).toEqual([
      { currency: 'EUR', orders: 1, revenue: '12.50' },
      { currency: 'HUF', orders: 3, revenue: '3500' },
    ]);
    expect(data.sales.month).toEqual([
      { currency: 'EUR', orders: 1, revenue: '12.50' },
      { currency: 'HUF', orders: 5, revenue: '15500' },
    ]);
  });

  test('the chart: the 30 days up to the day, each present, oldest first', async () => {
    const { series } = await overview();
    expect(series).toHaveLength(30);
    expect(series[0].day).toBe('2026-10-17');
    expect(series.at(-1).day).toBe(DAY);
    const huf = (day: string) =>
      series.find((entry: { day: string }) => entry.day === day).sales.find((sum: { currency: string }) => sum.currency === 'HUF');
    expect(huf(DAY)).toEqual({ currency: 'HUF', orders: 3, revenue: '3500' });
    expect(huf('2026-11-14')).toEqual({ currency: 'HUF', orders: 1, revenue: '4000' });
    expect(huf('2026-11-01')).toEqual({ currency: 'HUF', orders: 1, revenue: '8000' });
    expect(huf('2026-10-31')).toEqual({ currency: 'HUF', orders: 1, revenue: '16000' });
    const busy = series.filter((entry: { sales: unknown[] }) => entry.sales.length).map((entry: { day: string }) => entry.day);
    expect(busy).toEqual(['2026-10-31', '2026-11-01', '2026-11-14', DAY]);
  });

  test('the month’s first day glances at that day alone, and the month before is not in it', async () => {
    const data = await overview('?day=2026-11-01');
    expect(data.sales.day).toEqual([{ currency: 'HUF', orders: 1, revenue: '8000' }]);
    expect(data.sales.month).toEqual([{ currency: 'HUF', orders: 1, revenue: '8000' }]);
    const october = await overview('?day=2026-10-31');
    expect(october.sales.month).toEqual([{ currency: 'HUF', orders: 2, revenue: '48000' }]);
  });

  test('without a day, today in the shop’s calendar', async () => {
    const before = dayIn(new Date(), TZ);
    const data = await overview('');
    expect([before, dayIn(new Date(), TZ)]).toContain(data.day);
  });
});

describe('the orders list a sales figure opens', () => {
  /** The list as the glance's links filter it: its sales states and the figure's days. */
  const listed = async (from: string, to: string, states = ['finalized', 'fulfilled', 'successful'].join(',')) => {
    const response = await app.admin.get(`/orders/orders?state=${states}&from=${from}&to=${to}&pageSize=100`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const orders = (sales: Array<{ orders: number }>) => sales.reduce((sum, { orders }) => sum + orders, 0);

  test('finds exactly what the day’s, the month’s and a bar’s figure count', async () => {
    const data = await overview();
    const states = data.salesStates.join(',');
    const day = await listed(DAY, DAY, states);
    expect(day.meta.pagination.total).toBe(orders(data.sales.day));
    expect(day.meta.pagination.total).toBe(4);
    expect(new Set(day.data.map((order: { state: string }) => order.state))).toEqual(new Set(['finalized', 'fulfilled', 'successful']));
    expect((await listed(data.monthStart, DAY, states)).meta.pagination.total).toBe(orders(data.sales.month));
    const bar = data.series.find((entry: { day: string }) => entry.day === '2026-10-31');
    expect((await listed('2026-10-31', '2026-10-31', states)).meta.pagination.total).toBe(orders(bar.sales));
  });

  test('the day’s orders in every state are more: the draft and the failed one are not sales', async () => {
    const all = await app.admin.get(`/orders/orders?from=${DAY}&to=${DAY}&pageSize=100`);
    expect(all.body.meta.pagination.total).toBe(6);
    const notSales = await listed(DAY, DAY, 'draft,failed');
    expect(notSales.data.map((order: { state: string }) => order.state).sort()).toEqual(['draft', 'failed']);
  });
});

describe('open orders', () => {
  test('by state and by custom status, whatever their day', async () => {
    const data = await overview();
    expect(data.open).toEqual([
      { state: 'draft', orders: 1 },
      { state: 'finalized', orders: 4 },
      { state: 'fulfilled', orders: 2 },
    ]);
    // The successful order marked "processing" is closed: not counted.
    expect(data.customStatuses).toEqual([
      { key: 'processing', orders: 2 },
      { key: 'in-delivery', orders: 1 },
    ]);
  });
});

describe('low stock', () => {
  test('how many, and the first five furthest below their threshold', async () => {
    const response = await app.admin.get('/orders/overview/low-stock');
    expect(response.status).toBe(200);
    expect(response.body.data.count).toBe(6);
    expect(response.body.data.items.map((item: { sku: string }) => item.sku)).toEqual(['LOW-A', 'LOW-B', 'LOW-G', 'LOW-H', 'LOW-E']);
    expect(response.body.data.items[1]).toEqual({
      documentId: expect.any(String),
      sku: 'LOW-B',
      name: 'Cikk LOW-B',
      unit: 'kg',
      onHand: '3',
      lowStockThreshold: '5',
    });
  });
});

describe('bad input and permissions', () => {
  test.each(['2026-13-01', 'tegnap', '2026-11-31'])('day=%s: 400 naming the day', async (day) => {
    const response = await app.admin.get(`/orders/overview?day=${day}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['day']);
  });

  test('the sales need order.read, the low stock inventory.read', async () => {
    const nobody = await app.as([]);
    expect((await nobody.get('/orders/overview')).status).toBe(403);
    expect((await nobody.get('/orders/overview/low-stock')).status).toBe(403);

    const reader = await app.as([ORDER('read')]);
    expect((await reader.get(`/orders/overview?day=${DAY}`)).status).toBe(200);
    expect((await reader.get('/orders/overview/low-stock')).status).toBe(403);

    const storekeeper = await app.as([INVENTORY('read')]);
    expect((await storekeeper.get('/orders/overview')).status).toBe(403);
    expect((await storekeeper.get('/orders/overview/low-stock')).status).toBe(200);
  });
});
