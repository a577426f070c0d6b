/**
 * Bulk actions from the orders list (issue 13 §6): one lifecycle button or one custom status for
 * many orders, each through the engine on its own — a refused order (stock short, wrong state)
 * leaves the others done —, behind the button's own permission, for the orders named or for all
 * the filters find, never more than MAX_BULK_ORDERS.
 */
import { MAX_BULK_ORDERS } from '../../src/plugins/orders/shared/contracts/orders';
import { permission } from '../../src/plugins/orders/shared/contracts/permissions';
import { act, createOrder, createStockItem, ledgerDisagreements, onHand, setSettings } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const bulk = (body: object, api = app.admin) => api.post('/orders/orders/bulk', body);
const orderOf = async (documentId: string) => (await app.admin.get(`/orders/orders/${documentId}`)).body.data;

describe('a lifecycle action for several orders', () => {
  test('three finalized at once, one short of stock: two done, one refused with its code; stock and history per order', async () => {
    const plenty = await createStockItem(app.admin, { onHand: '10' });
    const scarce = await createStockItem(app.admin, { onHand: '1' });
    const first = await createOrder(app.admin, [{ stockItem: plenty.documentId, quantity: '2' }]);
    const short = await createOrder(app.admin, [{ stockItem: scarce.documentId, quantity: '3' }]);
    const third = await createOrder(app.admin, [{ stockItem: plenty.documentId, quantity: '3' }]);

    const response = await bulk({ action: 'finalize', orders: [first.documentId, short.documentId, third.documentId] });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { documentId: first.documentId, number: first.number, outcome: 'done' },
      {
        documentId: short.documentId,
        number: short.number,
        outcome: 'refused',
        error: {
          status: 409,
          code: 'stockShortage',
          message: expect.any(String),
          details: { code: 'stockShortage', shortages: [{ sku: scarce.sku, requested: '3', available: '1' }] },
        },
      },
      { documentId: third.documentId, number: third.number, outcome: 'done' },
    ]);

    // Each order its own transition: the refused one is untouched, its stock with it.
    expect(await onHand(app.admin, plenty.documentId)).toBe('5');
    expect(await onHand(app.admin, scarce.documentId)).toBe('1');
    for (const done of [first, third]) {
      const order = await orderOf(done.documentId);
      expect(order.state).toBe('finalized');
      expect(order.history.at(-1)).toMatchObject({ action: 'finalize', from: 'draft', to: 'finalized', actor: { type: 'admin' } });
    }
    const refused = await orderOf(short.documentId);
    expect(refused.state).toBe('draft');
    expect(refused.history.map((entry: { action: string }) => entry.action)).toEqual(['create']);
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });

  test('an order in the wrong state, an unknown one and one named twice: each answered once, in the order named', async () => {
    const draft = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);
    const finalized = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);
    await act(app.admin, finalized.documentId, 'finalize');

    const response = await bulk({ action: 'fulfil', orders: [finalized.documentId, draft.documentId, 'nope', finalized.documentId] });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { documentId: finalized.documentId, number: finalized.number, outcome: 'done' },
      {
        documentId: draft.documentId,
        number: draft.number,
        outcome: 'refused',
        error: expect.objectContaining({
          status: 409,
          code: 'actionNotAllowed',
          details: expect.objectContaining({ state: 'draft', action: 'fulfil', allowedActions: ['finalize'] }),
        }),
      },
      { documentId: 'nope', number: null, outcome: 'refused', error: expect.objectContaining({ status: 404, code: 'orderNotFound' }) },
    ]);
    expect((await orderOf(finalized.documentId)).state).toBe('fulfilled');
  });

  test('fail with restock: false writes the goods off, as the button does', async () => {
    const item = await createStockItem(app.admin, { onHand: '5' });
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);
    await act(app.admin, order.documentId, 'finalize');
    const response = await bulk({ action: 'fail', orders: [order.documentId], restock: false, note: 'Nem vette át' });
    expect(response.body.data).toEqual([{ documentId: order.documentId, number: order.number, outcome: 'done' }]);
    expect(await onHand(app.admin, item.documentId)).toBe('3');
    expect((await orderOf(order.documentId)).history.at(-1)).toMatchObject({ action: 'fail', restock: false, note: 'Nem vette át' });
  });
});

describe('permissions', () => {
  test("a role without the action's permission is refused whole, and nothing changes; with it, the action runs", async () => {
    const order = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);
    const reader = await app.as([permission('order', 'read'), permission('order', 'fulfil')]);
    const refused = await bulk({ action: 'finalize', orders: [order.documentId] }, reader);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({
      code: 'actionForbidden',
      action: 'finalize',
      permission: 'plugin::orders.order.finalize',
    });
    expect((await orderOf(order.documentId)).state).toBe('draft');

    const customStatus = await bulk({ action: 'customStatus', orders: [order.documentId], customStatus: null }, reader);
    expect(customStatus.status).toBe(403);
    expect(customStatus.body.error.details).toMatchObject({ code: 'actionForbidden', permission: 'plugin::orders.order.custom-status' });

    const finalizer = await app.as([permission('order', 'read'), permission('order', 'finalize')]);
    const done = await bulk({ action: 'finalize', orders: [order.documentId] }, finalizer);
    expect(done.body.data).toEqual([{ documentId: order.documentId, number: order.number, outcome: 'done' }]);
  });

  test('a role that may not read orders does not get in', async () => {
    const finalizeOnly = await app.as([permission('order', 'finalize')]);
    expect((await bulk({ action: 'finalize', orders: ['x'] }, finalizeOnly)).status).toBe(403);
  });
});

describe('select all matching', () => {
  test('every order the filters find, not only a page of them, in the sort’s order; the others stay as they are', async () => {
    const tag = `Szűrt Ügyfél ${Date.now()}`;
    const matching = [];
    for (let i = 0; i < 3; i += 1) {
      matching.push(
        await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }], { customer: { name: tag } })
      );
    }
    const other = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);

    const response = await bulk({ action: 'finalize', orders: { all: true, filters: { q: tag, state: 'draft', sort: 'number:asc' } } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(matching.map(({ documentId, number }) => ({ documentId, number, outcome: 'done' })));
    expect((await orderOf(other.documentId)).state).toBe('draft');

    // Again: none of them is a draft now, so the filters find none.
    expect((await bulk({ action: 'finalize', orders: { all: true, filters: { q: tag, state: 'draft' } } })).body.data).toEqual([]);
  });

  test(`more than ${MAX_BULK_ORDERS} orders are refused with a 400 naming the bound, before any is touched`, async () => {
    const tooMany = Array.from({ length: MAX_BULK_ORDERS + 1 }, (_, i) => `order-${i}`);
    const listed = await bulk({ action: 'finalize', orders: tooMany });
    expect(listed.status).toBe(400);
    expect(listed.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['orders'], code: 'tooMany', values: { max: MAX_BULK_ORDERS } }),
    ]);

    // As many drafts again, written straight to the table (the bound is checked before any order is read).
    const source = `bound-${Date.now()}`;
    await app.strapi.db.query('plugin::orders.order').createMany({
      data: Array.from({ length: MAX_BULK_ORDERS + 1 }, (_, i) => ({
        number: `${source}-${i}`,
        source,
        state: 'draft',
        currency: 'HUF',
        netTotalMinor: '0',
        vatTotalMinor: '0',
        grossTotalMinor: '0',
        lineCount: 0,
      })),
    });
    const matched = await bulk({ action: 'finalize', orders: { all: true, filters: { source } } });
    expect(matched.status).toBe(400);
    expect(matched.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['orders'], code: 'tooMany', values: { max: MAX_BULK_ORDERS, total: MAX_BULK_ORDERS + 1 } }),
    ]);
    expect(await app.strapi.db.query('plugin::orders.history-entry').count({ where: { action: 'finalize', order: { source } } })).toBe(0);
  });
});

describe('custom status', () => {
  test('set on several orders in any state, each in its history; cleared again; an unknown key refused whole', async () => {
    await setSettings(app.admin, { customStatuses: [{ key: 'packing', label: 'Csomagolás alatt', color: '#0c75af' }] });
    const draft = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);
    const finalized = await createOrder(app.admin, [{ name: 'Bögre', quantity: '1', unitPrice: '2500', vatRate: '27' }]);
    await act(app.admin, finalized.documentId, 'finalize');
    const ids = [draft.documentId, finalized.documentId];

    const set = await bulk({ action: 'customStatus', orders: ids, customStatus: 'packing' });
    expect(set.body.data.map((result: { outcome: string }) => result.outcome)).toEqual(['done', 'done']);
    for (const id of ids) {
      const order = await orderOf(id);
      expect(order.customStatus).toBe('packing');
      expect(order.history.at(-1)).toMatchObject({ action: 'custom-status', from: null, to: 'packing' });
    }

    const unknown = await bulk({ action: 'customStatus', orders: ids, customStatus: 'nincs-ilyen' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors).toEqual([expect.objectContaining({ path: ['customStatus'], code: 'unknownCustomStatus' })]);
    expect((await orderOf(draft.documentId)).customStatus).toBe('packing');

    const cleared = await bulk({ action: 'customStatus', orders: ids, customStatus: null });
    expect(cleared.body.data.map((result: { outcome: string }) => result.outcome)).toEqual(['done', 'done']);
    expect((await orderOf(finalized.documentId)).history.at(-1)).toMatchObject({ action: 'custom-status', from: 'packing', to: null });
  });
});

describe('bad requests are refused at the field and change nothing', () => {
  test.each([
    [{ action: 'finalize' }, 'orders', 'required'],
    [{ action: 'finalize', orders: 'all' }, 'orders', 'wrongType'],
    [{ action: 'finalize', orders: [] }, 'orders', 'required'],
    [{ action: 'finalize', orders: { all: false } }, 'orders.all', 'notOneOf'],
    [{ action: 'finalize', orders: { all: true, filters: { state: 'lost' } } }, 'orders.filters.state', 'notOneOf'],
    [{ action: 'finalize', orders: { all: true, filters: { stat: 'draft' } } }, 'orders.filters', 'unknownField'],
    [{ action: 'ship', orders: ['x'] }, 'action', 'notOneOf'],
    [{ action: 'customStatus', orders: ['x'] }, 'customStatus', 'required'],
    [{ action: 'finalize', orders: ['x'], customStatus: 'packing' }, 'customStatus', 'unknownField'],
    [{ action: 'finalize', orders: ['x'], restock: false }, 'restock', 'failOnly'],
  ])('%j → 400 at %s (%s)', async (body, path, code) => {
    const response = await bulk(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: path.split('.'), code })]));
  });
});
