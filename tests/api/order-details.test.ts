/**
 * An order's own details (issue 13 §2): its billing and shipping addresses, kept as ordered when
 * the customer changes; currency, payment and shipping method; contact details correctable in
 * every state, each correction in the history, while the lines stay locked outside a draft; a
 * tracking number once fulfilled. And the finalize impact in the order of the lines (§3).
 */
import { act, createOrder, createStockItem, setSettings } from '../helpers/fixtures';
import { SELLER } from '../helpers/sample-invoices';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let stockItem: string;
beforeAll(async () => {
  app = await startApp();
  stockItem = (await createStockItem(app.admin, { onHand: '1000' })).documentId;
});
afterAll(() => app?.stop());

const BUDAPEST = { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' };
const SZEGED = { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 5.' };

const get = async (documentId: string) => (await app.admin.get(`/orders/orders/${documentId}`)).body.data;
const put = (documentId: string, body: object) => app.admin.put(`/orders/orders/${documentId}`, body);

const orderIn = async (state: 'draft' | 'finalized' | 'fulfilled' | 'successful' | 'failed', fields: Record<string, unknown> = {}) => {
  const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }], fields);
  const path = {
    draft: [],
    finalized: ['finalize'],
    fulfilled: ['finalize', 'fulfil'],
    successful: ['finalize', 'fulfil', 'succeed'],
    failed: ['finalize', 'fail'],
  }[state];
  for (const action of path) expect((await act(app.admin, order.documentId, action)).status).toBe(200);
  return order;
};

describe('addresses, currency, payment and shipping method', () => {
  test('are stored and answered as given; the shipping address is the billing one unless given', async () => {
    const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }], {
      customer: { name: 'Kovács Anna', phone: '+36 1 234 5678' },
      billingAddress: { ...BUDAPEST, country: 'hu' },
      currency: 'EUR',
      paymentMethod: ' Utánvét ',
      shippingMethod: 'Futárszolgálat',
      items: [{ stockItem, quantity: '1', unitPrice: '12.50' }],
    });
    const data = await get(order.documentId);
    expect(data).toMatchObject({
      billingAddress: BUDAPEST,
      shippingAddress: BUDAPEST,
      currency: 'EUR',
      paymentMethod: 'Utánvét',
      shippingMethod: 'Futárszolgálat',
      trackingNumber: null,
    });
    // A new customer without an address of their own lives where the bill goes.
    expect(data.customer.address).toEqual(BUDAPEST);

    const apart = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { billingAddress: BUDAPEST, shippingAddress: SZEGED });
    expect(await get(apart.documentId)).toMatchObject({
      billingAddress: BUDAPEST,
      shippingAddress: SZEGED,
      currency: 'HUF',
      paymentMethod: null,
    });
  });

  test('a picked customer brings their address and shipping address, unless the order gives its own', async () => {
    const first = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { customer: { name: 'Szabó Éva', address: SZEGED } });
    const customerId = (await get(first.documentId)).customer.documentId;
    const again = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { customer: undefined, customerId });
    expect(await get(again.documentId)).toMatchObject({ billingAddress: SZEGED, shippingAddress: SZEGED });
    const elsewhere = await createOrder(app.admin, [{ stockItem, quantity: '1' }], {
      customer: undefined,
      customerId,
      shippingAddress: BUDAPEST,
    });
    expect(await get(elsewhere.documentId)).toMatchObject({ billingAddress: SZEGED, shippingAddress: BUDAPEST });
  });

  test.each([
    [
      'a country that is not two letters',
      { billingAddress: { ...BUDAPEST, country: 'Hungary' } },
      ['billingAddress', 'country'],
      'tooLong',
    ],
    ['a country with a digit', { shippingAddress: { ...BUDAPEST, country: 'H1' } }, ['shippingAddress', 'country'], 'notCountry'],
    [
      'an address part too long',
      { billingAddress: { ...BUDAPEST, postalCode: '1'.repeat(17) } },
      ['billingAddress', 'postalCode'],
      'tooLong',
    ],
    ['an address of another shape', { billingAddress: { ...BUDAPEST, zip: '1052' } }, ['billingAddress'], 'unknownField'],
    ['an address that is a text', { billingAddress: 'Budapest' }, ['billingAddress'], 'wrongType'],
    ['a payment method that is a number', { paymentMethod: 5 }, ['paymentMethod'], 'wrongType'],
    ['a shipping method too long', { shippingMethod: 'x'.repeat(129) }, ['shippingMethod'], 'tooLong'],
    ['a tracking number on a new order', { trackingNumber: 'GLS123' }, [], 'unknownField'],
  ])('%s: 400 at the field, nothing made', async (_, fields, path, code) => {
    const count = await app.strapi.db.query('plugin::orders.order').count();
    const response = await app.admin.post('/orders/orders', { customer: { name: 'Hibás Cím' }, items: [], ...fields });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path, code })]);
    expect(await app.strapi.db.query('plugin::orders.order').count()).toBe(count);
  });

  test('bad input on a change: 400 at the field, nothing changed', async () => {
    const order = await orderIn('finalized', { billingAddress: BUDAPEST });
    const before = await get(order.documentId);
    const response = await put(order.documentId, { billingAddress: { ...SZEGED, country: 'Magyarország' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['billingAddress', 'country'], code: 'tooLong' })]);
    expect(await get(order.documentId)).toEqual(before);
  });

  test("the order's addresses stay as ordered when the customer is edited later", async () => {
    const order = await orderIn('finalized', { customer: { name: 'Nagy Eszter', address: BUDAPEST } });
    const customerId = (await get(order.documentId)).customer.documentId;
    const edited = await app.admin.put(`/orders/customers/${customerId}`, { name: 'Nagy Eszter', address: SZEGED });
    expect(edited.status).toBe(200);
    const after = await get(order.documentId);
    expect(after.customer.address).toEqual(SZEGED);
    expect(after).toMatchObject({ billingAddress: BUDAPEST, shippingAddress: BUDAPEST });
  });
});

describe('after finalize', () => {
  test.each(['finalized', 'fulfilled', 'successful', 'failed'] as const)(
    'a %s order takes a correction of its contact details, in the history from → to',
    async (state) => {
      const order = await orderIn(state, { customer: { name: 'Tóth Béla', phone: '+36 1 234 5678', email: 'bela@example.hu' } });
      const before = await get(order.documentId);
      const response = await put(order.documentId, {
        customer: { name: 'Tóth Béla', phone: '+36 30 999 8877', email: 'bela@example.hu' },
        billingAddress: BUDAPEST,
        shippingAddress: SZEGED,
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        state,
        customer: { phone: '+36 30 999 8877' },
        billingAddress: BUDAPEST,
        shippingAddress: SZEGED,
        items: before.items,
        totals: before.totals,
      });
      expect(response.body.data.history.at(-1)).toEqual({
        at: expect.any(String),
        actor: expect.objectContaining({ type: 'admin' }),
        action: 'update',
        from: state,
        to: state,
        changes: [
          { field: 'customer.phone', from: '+36 1 234 5678', to: '+36 30 999 8877' },
          { field: 'billingAddress', from: null, to: BUDAPEST },
          { field: 'shippingAddress', from: null, to: SZEGED },
        ],
      });
      expect(await get(order.documentId)).toEqual(response.body.data);
    }
  );

  test('the same details again change nothing and write no history', async () => {
    const order = await orderIn('finalized', { customer: { name: 'Kis Ádám', phone: '+36 1 111 1111' }, billingAddress: BUDAPEST });
    const before = await get(order.documentId);
    const response = await put(order.documentId, {
      customer: { name: 'Kis Ádám', phone: '+36 1 111 1111', address: BUDAPEST },
      billingAddress: BUDAPEST,
      shippingAddress: BUDAPEST,
      note: null,
      currency: 'HUF',
    });
    expect(response.status).toBe(200);
    expect(response.body.data.history).toEqual(before.history);
    expect(response.body.data.customer.documentId).toBe(before.customer.documentId);
  });

  test.each([
    ['its lines', { items: [{ stockItem, quantity: '2' }] }, ['items']],
    ['its currency', { currency: 'EUR' }, ['currency']],
    ['its note and payment method', { note: 'later', paymentMethod: 'Készpénz' }, ['note', 'paymentMethod']],
  ])('a change of %s is refused with the fields named, a correction beside it too, nothing changed', async (_, change, fields) => {
    const order = await orderIn('finalized', { customer: { name: 'Fekete Éva', phone: '+36 1 222 2222' } });
    const before = await get(order.documentId);
    const response = await put(order.documentId, { customer: { name: 'Fekete Éva', phone: '+36 1 333 3333' }, ...change });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'onlyDraftChanged', state: 'finalized', fields });
    expect(await get(order.documentId)).toEqual(before);
  });

  test('a draft takes every field, and its history lists the details changed', async () => {
    const order = await createOrder(app.admin, [], { customer: { name: 'Piszkozat Pál' } });
    const response = await put(order.documentId, {
      currency: 'EUR',
      items: [],
      paymentMethod: 'Átutalás',
      shippingMethod: 'Csomagautomata',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ currency: 'EUR', paymentMethod: 'Átutalás', shippingMethod: 'Csomagautomata' });
    expect(response.body.data.history.at(-1).changes).toEqual([
      { field: 'currency', from: 'HUF', to: 'EUR' },
      { field: 'paymentMethod', from: null, to: 'Átutalás' },
      { field: 'shippingMethod', from: null, to: 'Csomagautomata' },
    ]);
  });
});

describe('tracking number', () => {
  test.each(['draft', 'finalized', 'failed'] as const)('is refused on a %s order, nothing changed', async (state) => {
    const order = await orderIn(state);
    const before = await get(order.documentId);
    const response = await put(order.documentId, { trackingNumber: 'GLS-123' });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'trackingBeforeFulfilled', state, fields: ['trackingNumber'] });
    expect(await get(order.documentId)).toEqual(before);
  });

  test.each(['fulfilled', 'successful'] as const)('is set on a %s order, shown and in the history; and cleared', async (state) => {
    const order = await orderIn(state);
    const set = await put(order.documentId, { trackingNumber: ' GLS-123 ' });
    expect(set.status).toBe(200);
    expect(set.body.data.trackingNumber).toBe('GLS-123');
    expect(set.body.data.history.at(-1)).toMatchObject({
      action: 'update',
      changes: [{ field: 'trackingNumber', from: null, to: 'GLS-123' }],
    });
    const cleared = await put(order.documentId, { trackingNumber: null });
    expect(cleared.body.data.trackingNumber).toBeNull();
    expect(cleared.body.data.history.at(-1).changes).toEqual([{ field: 'trackingNumber', from: 'GLS-123', to: null }]);
  });

  test('stays on an order that failed after it was fulfilled, and is not refused when sent again unchanged', async () => {
    const order = await orderIn('fulfilled');
    await put(order.documentId, { trackingNumber: 'MPL-9' });
    expect((await act(app.admin, order.documentId, 'fail')).status).toBe(200);
    const again = await put(order.documentId, { trackingNumber: 'MPL-9', customer: { name: 'Teszt Vevő', phone: '+36 1 444 4444' } });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ state: 'failed', trackingNumber: 'MPL-9', customer: { phone: '+36 1 444 4444' } });
  });
});

describe('the invoice', () => {
  test("names the buyer at the order's billing address, not the customer's later one", async () => {
    expect((await setSettings(app.admin, { company: SELLER })).status).toBe(200);
    const order = await orderIn('fulfilled', { customer: { name: 'Vevő Vera', address: BUDAPEST }, shippingAddress: SZEGED });
    const customerId = (await get(order.documentId)).customer.documentId;
    await app.admin.put(`/orders/customers/${customerId}`, { name: 'Vevő Vera', address: SZEGED });
    const issued = await app.admin.post(`/orders/orders/${order.documentId}/invoice`, {});
    expect(issued.status).toBe(201);
    expect(issued.body.data.buyer.address).toEqual(BUDAPEST);
  });
});

describe('the finalize impact', () => {
  test('lists the stock items in the order of the lines, an item on two lines where it first is', async () => {
    // Made in one order, put on the order in another: the ledger goes by stock item, the impact by line.
    const [first, second, third] = [await createStockItem(app.admin), await createStockItem(app.admin), await createStockItem(app.admin)];
    const order = await createOrder(app.admin, [
      { stockItem: third.documentId, quantity: '1' },
      { stockItem: first.documentId, quantity: '1' },
      { stockItem: third.documentId, quantity: '2' },
      { stockItem: second.documentId, quantity: '1' },
    ]);
    const impact = (await app.admin.get(`/orders/orders/${order.documentId}/stock-impact`)).body.data;
    expect(impact.map((line: { sku: string; requested: string }) => [line.sku, line.requested])).toEqual([
      [third.sku, '3'],
      [first.sku, '1'],
      [second.sku, '1'],
    ]);
  });
});
