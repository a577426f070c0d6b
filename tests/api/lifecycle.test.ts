/**
 * The MiniCRM lifecycle over the admin API: every state × every action, allowed or refused,
 * and what only a draft may do.
 */
import { act, createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type Api, type TestApp } from '../helpers/strapi';

let app: TestApp;
let stockItem: string;
beforeAll(async () => {
  app = await startApp();
  stockItem = (await createStockItem(app.admin, { onHand: '1000' })).documentId;
});
afterAll(() => app?.stop());

// Written out literally, so that a change of the lifecycle module is caught here.
const EXPECTED: Record<string, Record<string, string | null>> = {
  draft: { finalize: 'finalized', edit: null, fulfil: null, succeed: null, fail: null },
  finalized: { finalize: null, edit: 'draft', fulfil: 'fulfilled', succeed: null, fail: 'failed' },
  fulfilled: { finalize: null, edit: null, fulfil: null, succeed: 'successful', fail: 'failed' },
  successful: { finalize: null, edit: null, fulfil: null, succeed: null, fail: 'failed' },
  failed: { finalize: null, edit: null, fulfil: null, succeed: 'successful', fail: null },
};
const PATH_TO: Record<string, string[]> = {
  draft: [],
  finalized: ['finalize'],
  fulfilled: ['finalize', 'fulfil'],
  successful: ['finalize', 'fulfil', 'succeed'],
  failed: ['finalize', 'fail'],
};

const orderIn = async (api: Api, state: string) => {
  const order = await createOrder(api, [{ stockItem, quantity: '1' }]);
  for (const action of PATH_TO[state]) expect((await act(api, order.documentId, action)).status).toBe(200);
  return order;
};

const cases = Object.entries(EXPECTED).flatMap(([from, actions]) => Object.entries(actions).map(([action, to]) => ({ from, action, to })));

test.each(cases)('$action from $from → $to', async ({ from, action, to }) => {
  const order = await orderIn(app.admin, from);
  const response = await act(app.admin, order.documentId, action);
  const allowed = Object.entries(EXPECTED[from])
    .filter(([, target]) => target)
    .map(([name]) => name);

  if (to) {
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe(to);
    expect(response.body.data.history.at(-1)).toMatchObject({ action, from, to, actor: { type: 'admin' } });
    // The answer is made of what the change read and wrote, not read back: it is what a read shows.
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data).toEqual(response.body.data);
  } else {
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(`is ${from}`);
    expect(response.body.error.details).toEqual({
      code: 'actionNotAllowed',
      number: order.number,
      state: from,
      action,
      allowedActions: allowed,
    });
    const after = await app.admin.get(`/orders/orders/${order.documentId}`);
    expect(after.body.data.state).toBe(from);
    expect(after.body.data.history).toHaveLength(1 + PATH_TO[from].length);
  }
});

test('the history records who, when, from, to and the note', async () => {
  const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }]);
  const response = await act(app.admin, order.documentId, 'finalize', { note: 'phoned back' });
  const [created, finalized] = response.body.data.history;
  expect(created).toMatchObject({ action: 'create', from: null, to: 'draft' });
  expect(finalized).toMatchObject({ action: 'finalize', from: 'draft', to: 'finalized', note: 'phoned back' });
  expect(finalized.actor).toEqual({ type: 'admin', id: expect.any(Number), name: 'Test Admin 1' });
  expect(Date.parse(finalized.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
});

test('an order without lines cannot be finalized', async () => {
  const order = await createOrder(app.admin, []);
  const response = await act(app.admin, order.documentId, 'finalize');
  expect(response.status).toBe(409);
  expect(response.body.error.message).toMatch(/no lines/);
  expect(response.body.error.details).toEqual({ code: 'noLines', number: order.number, state: 'draft', allowedActions: ['finalize'] });
});

describe('only a draft can be changed or deleted', () => {
  test('a draft is updated: header and lines replaced, recorded in the history', async () => {
    const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }]);
    const response = await app.admin.put(`/orders/orders/${order.documentId}`, {
      note: 'kapucsengő nem működik',
      items: [
        { stockItem, quantity: '3' },
        { name: 'Szállítás', quantity: '1', unitPrice: '1490' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.data.note).toBe('kapucsengő nem működik');
    expect(response.body.data.items.map((item: { quantity: string }) => item.quantity)).toEqual(['3', '1']);
    expect(response.body.data.history.at(-1)).toMatchObject({ action: 'update', from: 'draft', to: 'draft' });
  });

  test("a draft's customer details are corrected in place, unless other orders share that customer", async () => {
    const customers = () => app.strapi.db.query('plugin::orders.customer').count();
    const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }], {
      customer: { name: 'Kovács Ana', phone: '+36 1 111 1111', company: 'Kávé Kft.' },
    });
    const before = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.customer;
    const count = await customers();

    // Given whole: the company left out is emptied.
    const fixed = await app.admin.put(`/orders/orders/${order.documentId}`, {
      customer: { name: 'Kovács Anna', phone: '+36 30 123 4567' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.customer).toMatchObject({
      documentId: before.documentId,
      name: 'Kovács Anna',
      phone: '+36 30 123 4567',
      company: null,
    });
    expect(await customers()).toBe(count);
    const listed = await app.admin.get(`/orders/orders?q=${order.number}`);
    expect(listed.body.data[0].customer).toEqual({ documentId: before.documentId, name: 'Kovács Anna' });

    // A second order of the same customer: now the customer is shared, and keeps its details.
    const second = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { customer: undefined, customerId: before.documentId });
    const changed = await app.admin.put(`/orders/orders/${second.documentId}`, { customer: { name: 'Nagy Péter' } });
    expect(changed.body.data.customer.name).toBe('Nagy Péter');
    expect(changed.body.data.customer.documentId).not.toBe(before.documentId);
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.customer).toMatchObject({
      documentId: before.documentId,
      name: 'Kovács Anna',
    });
  });

  test.each(['finalized', 'fulfilled', 'successful', 'failed'])('a %s order refuses changes and deletion', async (state) => {
    const order = await orderIn(app.admin, state);
    const update = await app.admin.put(`/orders/orders/${order.documentId}`, { note: 'x' });
    const refusal = { number: order.number, state, allowedActions: Object.keys(EXPECTED[state]).filter((a) => EXPECTED[state][a]) };
    expect(update.status).toBe(409);
    expect(update.body.error.message).toMatch(/only a draft can be changed/);
    // It names what it refused: outside a draft only the contact details are corrected (order-details.test.ts).
    expect(update.body.error.details).toEqual({ code: 'onlyDraftChanged', ...refusal, fields: ['note'] });
    const remove = await app.admin.delete(`/orders/orders/${order.documentId}`);
    expect(remove.status).toBe(409);
    expect(remove.body.error.details).toEqual({ code: 'onlyDraftDeleted', ...refusal });
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.note).toBeNull();
  });

  test('a draft is deleted with its lines', async () => {
    const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }]);
    expect((await app.admin.delete(`/orders/orders/${order.documentId}`)).status).toBe(200);
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).status).toBe(404);
    const orphans = await app.strapi.db.query('plugin::orders.order-item').count({ where: { order: { documentId: order.documentId } } });
    expect(orphans).toBe(0);
  });
});

describe('custom status', () => {
  test('is set in any state, recorded, and never changes what the lifecycle allows', async () => {
    for (const state of Object.keys(PATH_TO)) {
      const order = await orderIn(app.admin, state);
      const response = await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: 'in-delivery' });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ state, customStatus: 'in-delivery' });
      expect(response.body.data.allowedActions).toEqual(Object.keys(EXPECTED[state]).filter((a) => EXPECTED[state][a]));
      expect(response.body.data.history.at(-1)).toMatchObject({ action: 'custom-status', from: null, to: 'in-delivery' });
      expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data).toEqual(response.body.data);
    }
  });

  test('whoever reads orders reads the list of custom statuses', async () => {
    const reader = await app.as(['plugin::orders.order.read']);
    const response = await reader.get('/orders/custom-statuses');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual((await app.admin.get('/orders/settings')).body.data.customStatuses);
    expect((await reader.get('/orders/settings')).status).toBe(403);
  });

  test('is cleared with null and comes from the configurable list', async () => {
    const settings = await app.admin.put('/orders/settings', {
      customStatuses: [{ key: 'waiting-for-parts', label: 'Alkatrészre vár', color: '#aa3300' }],
    });
    expect(settings.status).toBe(200);
    const order = await createOrder(app.admin, []);
    const set = await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: 'waiting-for-parts' });
    expect(set.body.data.customStatus).toBe('waiting-for-parts');
    const cleared = await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: null });
    expect(cleared.body.data.customStatus).toBeNull();
    expect(cleared.body.data.history.at(-1)).toMatchObject({ action: 'custom-status', from: 'waiting-for-parts', to: null });
  });
});

describe('listing', () => {
  test('filters by state, custom status, source and free text, newest first, paginated', async () => {
    const special = await createStockItem(app.admin, { sku: 'LIST-SPECIAL', onHand: '5' });
    const first = await createOrder(app.admin, [{ stockItem: special.documentId, quantity: '1' }], { customer: { name: 'Listázó Lajos' } });
    const second = await createOrder(app.admin, [{ stockItem: special.documentId, quantity: '1' }], {
      customer: { name: 'Listázó Lajos' },
    });
    await act(app.admin, second.documentId, 'finalize');

    const bySku = await app.admin.get('/orders/orders?q=list-special');
    expect(bySku.body.data.map((o: { documentId: string }) => o.documentId)).toEqual([second.documentId, first.documentId]);
    const byCustomer = await app.admin.get('/orders/orders?q=Lajos&state=finalized');
    expect(byCustomer.body.data.map((o: { documentId: string }) => o.documentId)).toEqual([second.documentId]);
    const ignoringCase = await app.admin.get('/orders/orders?q=LAJOS');
    expect(ignoringCase.body.data.map((o: { documentId: string }) => o.documentId)).toEqual([second.documentId, first.documentId]);
    const byNumber = await app.admin.get(`/orders/orders?q=${first.number}`);
    expect(byNumber.body.data[0].documentId).toBe(first.documentId);
    expect((await app.admin.get('/orders/orders?source=webshop')).body.meta.pagination.total).toBe(0);

    const page = await app.admin.get('/orders/orders?page=2&pageSize=1&q=Lajos');
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  test('rows are summaries with stored totals, sortable by gross total and customer', async () => {
    const cheap = await createOrder(app.admin, [{ name: 'Olcsó', quantity: '1', unitPrice: '100' }], {
      customer: { name: 'Zsiga Sorter' },
    });
    const dear = await createOrder(app.admin, [{ name: 'Drága', quantity: '3', unitPrice: '1000', vatRate: '5' }], {
      customer: { name: 'Aladár Sorter' },
    });
    await app.admin.put(`/orders/orders/${cheap.documentId}`, { items: [{ name: 'Olcsó', quantity: '2', unitPrice: '100' }] });

    const byGross = (await app.admin.get('/orders/orders?q=Sorter&sort=gross:desc')).body.data;
    expect(byGross.map((o: { documentId: string }) => o.documentId)).toEqual([dear.documentId, cheap.documentId]);
    expect(byGross[0]).toEqual({
      documentId: dear.documentId,
      number: dear.number,
      source: 'manual',
      state: 'draft',
      customStatus: null,
      currency: 'HUF',
      customer: { documentId: expect.any(String), name: 'Aladár Sorter' },
      totals: { net: '3000', vat: '150', gross: '3150' },
      lineCount: 1,
      connection: null,
      externalNumber: null,
      flags: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(byGross[1].totals).toEqual({ net: '200', vat: '54', gross: '254' });

    const byCustomer = (await app.admin.get('/orders/orders?q=Sorter&sort=customer:asc')).body.data;
    expect(byCustomer.map((o: { customer: { name: string } }) => o.customer.name)).toEqual(['Aladár Sorter', 'Zsiga Sorter']);
    expect((await app.admin.get('/orders/orders?sort=price')).status).toBe(400);
  });

  test('filters by a date range, both days included', async () => {
    // Days are the shop's: Europe/Budapest unless ORDERS_TIME_ZONE says otherwise.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' }).format(new Date());
    const all = (await app.admin.get('/orders/orders?pageSize=1')).body.meta.pagination.total;
    expect((await app.admin.get(`/orders/orders?from=${today}&to=${today}&pageSize=1`)).body.meta.pagination.total).toBe(all);
    expect((await app.admin.get('/orders/orders?to=2020-01-01')).body.meta.pagination.total).toBe(0);
    expect((await app.admin.get('/orders/orders?from=2999-01-01')).body.meta.pagination.total).toBe(0);
    const bad = await app.admin.get('/orders/orders?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from: must be a date/);
  });
});
