/**
 * Stock (Készlet) follows the orders through the lifecycle, exactly: booked on finalize,
 * released on edit and fail, never twice, and never below zero unless the shop allows it.
 */
import { act, createOrder, createStockItem, ledgerDisagreements, onHand, setSettings } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';
import { DEFAULT_UNITS } from '../../src/plugins/orders/shared/domain/units';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());
afterEach(async () => {
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  await setSettings(app.admin, { inventoryDriver: 'orders', allowNegativeStock: false });
});

const movementsOf = async (stockItemId: string) =>
  (await app.admin.get(`/orders/stock-items/${stockItemId}/movements?pageSize=100`)).body.data as Array<{
    kind: string;
    quantity: string;
    balanceAfter: string;
    cause: string | null;
    reason: string | null;
    order: { number: string } | null;
    orderNumber: string | null;
  }>;

/** Two stock items and an order for 2 of the first, 1.5 of the second and a free line. */
const setup = async () => {
  const coffee = await createStockItem(app.admin, { onHand: '10' });
  const cable = await createStockItem(app.admin, { onHand: '20', unit: 'm' });
  const order = await createOrder(app.admin, [
    { stockItem: coffee.documentId, quantity: '2' },
    { sku: cable.sku, quantity: '1.5' },
    { name: 'Szállítási díj', quantity: '1', unitPrice: '1490' },
  ]);
  const stock = async () => [await onHand(app.admin, coffee.documentId), await onHand(app.admin, cable.documentId)];
  return { coffee, cable, order, stock };
};

describe('with inventoryDriver "orders"', () => {
  test('each transition books or releases exactly what the order should hold', async () => {
    const { order, stock } = await setup();
    const steps: Array<[string, object, string[]]> = [
      ['finalize', {}, ['8', '18.5']],
      ['edit', {}, ['10', '20']],
      ['finalize', {}, ['8', '18.5']],
      ['fulfil', {}, ['8', '18.5']],
      ['succeed', {}, ['8', '18.5']],
      ['fail', {}, ['10', '20']],
      ['succeed', {}, ['8', '18.5']],
    ];
    for (const [action, body, expected] of steps) {
      expect((await act(app.admin, order.documentId, action, body)).status).toBe(200);
      expect(await stock()).toEqual(expected);
    }
  });

  test('fail without restock writes the goods off: stock stays down and the ledger says so', async () => {
    const { coffee, order, stock } = await setup();
    await act(app.admin, order.documentId, 'finalize');
    const failed = await act(app.admin, order.documentId, 'fail', { restock: false });
    expect(failed.status).toBe(200);
    expect(failed.body.data.history.at(-1)).toMatchObject({ action: 'fail', restock: false });
    expect(await stock()).toEqual(['8', '18.5']);

    const [writeOff, release] = await movementsOf(coffee.documentId);
    // What made them is a code the admin words in the reader's language; the order is their link.
    const fail = { cause: 'fail', reason: null, order: { number: order.number } };
    expect(release).toMatchObject({ kind: 'order', quantity: '2', balanceAfter: '10', ...fail });
    expect(writeOff).toMatchObject({ kind: 'write-off', quantity: '-2', balanceAfter: '8', ...fail });

    // The written-off goods are gone; succeeding afterwards takes goods out again.
    await act(app.admin, order.documentId, 'succeed');
    expect(await stock()).toEqual(['6', '17']);
  });

  test('a deleted draft that was once finalized leaves its movements with its number', async () => {
    const { coffee, order } = await setup();
    await act(app.admin, order.documentId, 'finalize');
    await act(app.admin, order.documentId, 'edit');
    expect((await app.admin.delete(`/orders/orders/${order.documentId}`)).status).toBe(200);
    const [released, booked] = await movementsOf(coffee.documentId);
    expect(released).toMatchObject({ cause: 'edit', order: null, orderNumber: order.number, quantity: '2' });
    expect(booked).toMatchObject({ cause: 'finalize', order: null, orderNumber: order.number, quantity: '-2' });
  });

  test('restock is only an option of fail', async () => {
    const { order } = await setup();
    const response = await act(app.admin, order.documentId, 'finalize', { restock: false });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/restock/);
  });

  test('lines without a stock item never touch stock', async () => {
    const before = await app.strapi.db.query('plugin::orders.stock-movement').count();
    const order = await createOrder(app.admin, [{ name: 'Tanácsadás', quantity: '2', unitPrice: '15000', vatRate: 'AAM' }]);
    for (const action of ['finalize', 'fulfil', 'succeed', 'fail']) await act(app.admin, order.documentId, action);
    expect(await app.strapi.db.query('plugin::orders.stock-movement').count()).toBe(before);
  });

  test('a shortage answers 409 naming every short item and changes nothing', async () => {
    const scarce = await createStockItem(app.admin, { onHand: '1' });
    const rare = await createStockItem(app.admin, { onHand: '0.5', unit: 'kg' });
    const plenty = await createStockItem(app.admin, { onHand: '100' });
    const order = await createOrder(app.admin, [
      { stockItem: plenty.documentId, quantity: '5' },
      { stockItem: scarce.documentId, quantity: '3' },
      { stockItem: rare.documentId, quantity: '0.75' },
    ]);
    const movements = await app.strapi.db.query('plugin::orders.stock-movement').count();

    const response = await act(app.admin, order.documentId, 'finalize');
    expect(response.status).toBe(409);
    expect(response.body.error.details).toEqual({
      code: 'stockShortage',
      shortages: [
        { sku: scarce.sku, requested: '3', available: '1' },
        { sku: rare.sku, requested: '0.75', available: '0.5' },
      ],
    });
    expect(await onHand(app.admin, plenty.documentId)).toBe('100');
    expect(await onHand(app.admin, scarce.documentId)).toBe('1');
    expect(await app.strapi.db.query('plugin::orders.stock-movement').count()).toBe(movements);
    const after = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data;
    expect(after.state).toBe('draft');
    expect(after.history).toHaveLength(1);
  });

  test('with allowNegativeStock the same finalize goes below zero', async () => {
    const scarce = await createStockItem(app.admin, { onHand: '1' });
    const order = await createOrder(app.admin, [{ stockItem: scarce.documentId, quantity: '3' }]);
    await setSettings(app.admin, { allowNegativeStock: true });
    expect((await act(app.admin, order.documentId, 'finalize')).status).toBe(200);
    expect(await onHand(app.admin, scarce.documentId)).toBe('-2');
  });

  test('a repeated or replayed transition books nothing twice', async () => {
    const { order, stock } = await setup();
    const replays = await Promise.all([1, 2, 3].map(() => act(app.admin, order.documentId, 'finalize')));
    expect(replays.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await stock()).toEqual(['8', '18.5']);
    expect((await act(app.admin, order.documentId, 'finalize')).status).toBe(409);
    expect(await stock()).toEqual(['8', '18.5']);
  });

  test('an order edited after finalizing holds only its new lines', async () => {
    const { coffee, cable, order, stock } = await setup();
    await act(app.admin, order.documentId, 'finalize');
    await act(app.admin, order.documentId, 'edit');
    await app.admin.put(`/orders/orders/${order.documentId}`, { items: [{ stockItem: coffee.documentId, quantity: '5' }] });
    await act(app.admin, order.documentId, 'finalize');
    expect(await stock()).toEqual(['5', '20']);
    expect((await movementsOf(cable.documentId)).map((m) => m.quantity)).toEqual(['1.5', '-1.5', '20']);
  });
});

describe('with inventoryDriver "invoices"', () => {
  test('orders never touch stock', async () => {
    await setSettings(app.admin, { inventoryDriver: 'invoices' });
    const { order, stock } = await setup();
    for (const action of ['finalize', 'edit', 'finalize', 'fulfil', 'succeed', 'fail', 'succeed']) {
      expect((await act(app.admin, order.documentId, action)).status).toBe(200);
      expect(await stock()).toEqual(['10', '20']);
    }
    expect((await act(app.admin, order.documentId, 'fail', { restock: false })).status).toBe(200);
    expect(await stock()).toEqual(['10', '20']);
  });
});

describe('stock items and adjustments', () => {
  test('the initial quantity is the first movement; adjustments need a reason and keep a balance', async () => {
    const item = await createStockItem(app.admin, { onHand: '4', unit: 'kg' });
    const received = await app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, { delta: '6.5', reason: 'goods received' });
    expect(received.status).toBe(201);
    expect(received.body.data.onHand).toBe('10.5');
    const stocktake = await app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, { delta: -0.5, reason: 'stocktake' });
    expect(stocktake.body.data.onHand).toBe('10');

    expect(await movementsOf(item.documentId)).toMatchObject([
      { kind: 'adjustment', quantity: '-0.5', balanceAfter: '10', reason: 'stocktake' },
      { kind: 'adjustment', quantity: '6.5', balanceAfter: '10.5', reason: 'goods received' },
      { kind: 'initial', quantity: '4', balanceAfter: '4', cause: null, reason: null },
    ]);
  });

  test('an adjustment below zero is refused and changes nothing', async () => {
    const item = await createStockItem(app.admin, { onHand: '2' });
    const response = await app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, { delta: '-3', reason: 'breakage' });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toEqual({ code: 'stockShortage', shortages: [{ sku: item.sku, requested: '3', available: '2' }] });
    expect(await movementsOf(item.documentId)).toHaveLength(1);
  });

  test('editing an item never touches its stock', async () => {
    const item = await createStockItem(app.admin, { onHand: '7' });
    const response = await app.admin.put(`/orders/stock-items/${item.documentId}`, {
      name: 'Átnevezett',
      unitPrice: '1200',
      lowStockThreshold: '2',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ name: 'Átnevezett', unitPrice: '1200', lowStockThreshold: '2', onHand: '7' });
    expect(await movementsOf(item.documentId)).toHaveLength(1);
  });

  test('lists and searches stock items', async () => {
    await createStockItem(app.admin, { sku: 'FIND-ME', name: 'Kávédaráló' });
    const response = await app.admin.get('/orders/stock-items?q=daráló');
    expect(response.status).toBe(200);
    expect(response.body.data.map((i: { sku: string }) => i.sku)).toEqual(['FIND-ME']);
    expect(response.body.meta.pagination.total).toBe(1);
  });
});

describe('what the admin shows of stock', () => {
  test('three figures: physical (in the warehouse), reserved (finalized, not yet fulfilled), available (onHand); isLow by available', async () => {
    const item = await createStockItem(app.admin, { onHand: '10', lowStockThreshold: '6', unit: 'kg' });
    const reserving = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '3' }]);
    const shipped = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1.5' }]);
    const delivered = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '0.5' }]);
    await act(app.admin, reserving.documentId, 'finalize');
    for (const action of ['finalize', 'fulfil']) await act(app.admin, shipped.documentId, action);
    for (const action of ['finalize', 'fulfil', 'succeed']) await act(app.admin, delivered.documentId, action);

    // Fulfilled and successful orders' goods have left the building; the finalized one's are on the shelf.
    let shown = (await app.admin.get(`/orders/stock-items/${item.documentId}`)).body.data;
    expect(shown).toMatchObject({ physical: '8', reserved: '3', onHand: '5', isLow: true });
    await act(app.admin, reserving.documentId, 'fail');
    shown = (await app.admin.get(`/orders/stock-items?q=${item.sku}`)).body.data[0];
    expect(shown).toMatchObject({ physical: '8', reserved: '0', onHand: '8', isLow: false });
    const csv = (await app.admin.get('/orders/stock-items/export.csv?language=en')).text.split('\r\n');
    expect(csv.find((line) => line.startsWith(`${item.sku};`))).toBe(`${item.sku};${item.name};kg;1000;27;8;0;8;6`);
  });

  test('a stocktake gives the physical stock counted, reserved goods included; the ledger books the difference', async () => {
    const item = await createStockItem(app.admin, { onHand: '10' });
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '4' }]);
    await act(app.admin, order.documentId, 'finalize');
    const adjust = (body: object) => app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, body);

    // 10 on the shelves, 4 of them reserved: 9 counted means one is missing.
    const counted = await adjust({ counted: '9', reason: 'leltár' });
    expect(counted.status).toBe(201);
    expect(counted.body.data).toMatchObject({ physical: '9', reserved: '4', onHand: '5' });
    expect((await movementsOf(item.documentId))[0]).toMatchObject({
      kind: 'adjustment',
      quantity: '-1',
      balanceAfter: '5',
      reason: 'leltár',
    });

    // A count that finds what the ledger says books nothing.
    const same = await adjust({ counted: '9', reason: 'újra megszámolva' });
    expect(same.body.data).toMatchObject({ physical: '9', onHand: '5' });
    expect(await movementsOf(item.documentId)).toHaveLength(3);

    const both = await adjust({ delta: '1', counted: '9', reason: 'x' });
    expect(both.status).toBe(400);
    expect(both.body.error.details.errors).toEqual([expect.objectContaining({ path: ['counted'], code: 'bothGiven' })]);
    const neither = await adjust({ reason: 'x' });
    expect(neither.body.error.details.errors).toEqual([expect.objectContaining({ path: ['delta'], code: 'required' })]);
    expect((await adjust({ counted: '-1', reason: 'x' })).body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['counted'], code: 'negative' }),
    ]);
  });

  test('the stock impact of finalizing: per item requested, on hand, after, shortfall', async () => {
    const coffee = await createStockItem(app.admin, { onHand: '10', unit: 'kg' });
    const cups = await createStockItem(app.admin, { onHand: '1' });
    const order = await createOrder(app.admin, [
      { stockItem: coffee.documentId, quantity: '2' },
      { stockItem: coffee.documentId, quantity: '0.5' },
      { stockItem: cups.documentId, quantity: '3' },
      { name: 'Szállítás', quantity: '1', unitPrice: '990' },
    ]);
    const impact = await app.admin.get(`/orders/orders/${order.documentId}/stock-impact`);
    expect(impact.status).toBe(200);
    expect(impact.body.data).toEqual([
      {
        stockItem: coffee.documentId,
        sku: coffee.sku,
        name: expect.any(String),
        unit: 'kg',
        requested: '2.5',
        onHand: '10',
        after: '7.5',
        shortfall: '0',
      },
      {
        stockItem: cups.documentId,
        sku: cups.sku,
        name: expect.any(String),
        unit: 'db',
        requested: '3',
        onHand: '1',
        after: '-2',
        shortfall: '2',
      },
    ]);
    await setSettings(app.admin, { allowNegativeStock: true });
    const allowed = (await app.admin.get(`/orders/orders/${order.documentId}/stock-impact`)).body.data;
    expect(allowed[1]).toMatchObject({ after: '-2', shortfall: '0' });
  });

  test("the inventory as CSV for Excel, in the reader's language", async () => {
    await createStockItem(app.admin, { sku: 'CSV-1', name: 'Kávé; "pörkölt"', unit: 'kg', onHand: '2.5', lowStockThreshold: '1' });
    await createStockItem(app.admin, { sku: '=CMD()', name: 'Formula', onHand: '0' });
    const response = await app.admin.get('/orders/stock-items/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="keszlet.csv"');
    // Hungarian by default: the admin's column names, and decimal commas that Hungarian Excel reads as numbers.
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFCikkszám;Megnevezés;Egység;Nettó egységár;ÁFA-kulcs;Fizikai készlet;Foglalt;Szabad készlet;Alacsony készlet határa'
    );
    expect(lines).toContain('CSV-1;"Kávé; ""pörkölt""";kg;1000;27;2,5;0;2,5;1');
    expect(lines).toContain("'=CMD();Formula;db;1000;27;0;0;0;");
    const english = (await app.admin.get('/orders/stock-items/export.csv?separator=,&language=en')).text.split('\r\n');
    expect(english[0]).toBe('\uFEFFSKU,Name,Unit,Unit price (net),VAT rate,Physical stock,Reserved,Available,Low-stock threshold');
    expect(english).toContain('CSV-1,"Kávé; ""pörkölt""",kg,1000,27,2.5,0,2.5,1');
    expect((await app.admin.get('/orders/stock-items/export.csv?language=de')).status).toBe(400);
  });
});

describe('units counted whole or to three decimals', () => {
  afterEach(() => setSettings(app.admin, { units: DEFAULT_UNITS }));

  test('a fraction of a unit counted whole is refused at its field; kg, m and units not listed keep three decimals', async () => {
    const cups = await createStockItem(app.admin, { onHand: '10' });
    const refused = await app.admin.post('/orders/orders', {
      customer: { name: 'Egész Elek' },
      items: [
        { stockItem: cups.documentId, quantity: '1.5' },
        { name: 'Doboz', unit: 'Doboz', quantity: '0.5', unitPrice: '100' },
        { name: 'Liszt', unit: 'kg', quantity: '0.125', unitPrice: '100' },
        { name: 'Zsák', unit: 'zsák', quantity: '0.5', unitPrice: '100' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['items', '0', 'quantity'], code: 'notWhole', values: { unit: 'db' } }),
      expect.objectContaining({ path: ['items', '1', 'quantity'], code: 'notWhole', values: { unit: 'Doboz' } }),
    ]);

    const item = await app.admin.post('/orders/stock-items', {
      sku: 'WHOLE-1',
      name: 'Bögre',
      unitPrice: '1',
      vatRate: '27',
      onHand: '2.5',
    });
    expect(item.body.error.details.errors).toEqual([expect.objectContaining({ path: ['onHand'], code: 'notWhole' })]);
    const adjust = (body: object) => app.admin.post(`/orders/stock-items/${cups.documentId}/adjustments`, { reason: 'x', ...body });
    expect((await adjust({ delta: '0.5' })).body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['delta'], code: 'notWhole' }),
    ]);
    expect((await adjust({ counted: '9.5' })).body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['counted'], code: 'notWhole' }),
    ]);
    const toPieces = await app.admin.put(
      `/orders/stock-items/${(await createStockItem(app.admin, { unit: 'kg', onHand: '2.5' })).documentId}`,
      {
        unit: 'db',
      }
    );
    expect(toPieces.body.error.details.errors).toEqual([expect.objectContaining({ path: ['unit'], code: 'notWhole' })]);
    expect(await onHand(app.admin, cups.documentId)).toBe('10');
  });

  test('which units are whole is a setting', async () => {
    const duplicate = await setSettings(app.admin, {
      units: [
        { unit: 'db', whole: true },
        { unit: ' DB', whole: false },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors).toEqual([expect.objectContaining({ path: ['units', '1', 'unit'], code: 'duplicateKeys' })]);
    expect((await setSettings(app.admin, { units: [{ unit: 'db', whole: false }] })).status).toBe(200);
    const cups = await createStockItem(app.admin, { onHand: '10' });
    expect((await createOrder(app.admin, [{ stockItem: cups.documentId, quantity: '1.5' }])).documentId).toBeTruthy();
  });
});
