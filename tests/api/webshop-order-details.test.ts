/**
 * A webshop's order in daily use (issue 13 §2): the admin corrects what the shop does not own —
 * contact details, addresses, the tracking number once fulfilled — while its lines, amounts,
 * currency and lifecycle stay the shop's. A shop's update that changes only an address or a
 * method is saved, with an `update` entry; the same delivery again writes nothing, and a newer
 * one wins over a correction made here.
 */
import { createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';
import { webshopFixture, webshops, type Connection } from '../helpers/webshops';

let app: TestApp;
let connection: Connection;
beforeAll(async () => {
  app = await startApp();
  for (const sku of ['BOG-001', 'KONYV-1', 'POLO-PIROS-XL']) await createStockItem(app.admin, { sku, onHand: '100' });
  connection = await connect('woocommerce');
});
afterAll(() => app?.stop());

const { connect, deliverWoo } = webshops(() => app);

let externalIds = 7000;
/** The Hungarian WooCommerce order of the fixtures, with an id of its own. */
const huOrder = (changes: Record<string, unknown> = {}) => ({
  ...JSON.parse(webshopFixture('woocommerce_hu_order.json')),
  id: ++externalIds,
  ...changes,
});

const SZEGED = { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 5.' };

const deliver = async (order: object) => {
  const response = await deliverWoo(connection, order);
  expect(response.body.data).toMatchObject({ state: 'processed', error: null });
};
/** The shop's order as the datasheet reads it (the list's rows carry no shop id: each is opened). */
const saved = async (externalId: number) => {
  const list = (await app.admin.get(`/orders/orders?connection=${connection.documentId}&pageSize=100`)).body.data;
  for (const { documentId } of list) {
    const order = (await app.admin.get(`/orders/orders/${documentId}`)).body.data;
    if (order.externalId === String(externalId)) return order;
  }
  throw new Error(`no order of the shop's ${externalId}`);
};
const put = (documentId: string, body: object) => app.admin.put(`/orders/orders/${documentId}`, body);

describe('in the admin', () => {
  test('its contact details and addresses are corrected, each correction in the history', async () => {
    const order = huOrder();
    await deliver(order);
    const before = await saved(order.id);
    expect(before.shippingMethod).toBe('GLS futár');
    const response = await put(before.documentId, {
      customer: {
        ...Object.fromEntries(['name', 'phone', 'company', 'taxNumber', 'address'].map((field) => [field, before.customer[field]])),
        email: 'uj@example.hu',
      },
      shippingAddress: SZEGED,
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ shippingAddress: SZEGED, customer: { email: 'uj@example.hu' }, state: 'finalized' });
    expect(response.body.data.totals).toEqual(before.totals);
    const entry = response.body.data.history.at(-1);
    expect(entry).toMatchObject({ action: 'update', actor: { type: 'admin' } });
    expect(entry.changes.map((change: { field: string }) => change.field).sort()).toEqual(['customer.email', 'shippingAddress']);
  });

  test('its lines, currency and customer stay the shop’s: 409 webshopOrder naming them, nothing changed', async () => {
    const order = huOrder();
    await deliver(order);
    const before = await saved(order.id);
    const response = await put(before.documentId, { items: [], currency: 'EUR', shippingAddress: SZEGED });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'webshopOrder', fields: ['items', 'currency'] });
    expect(await saved(order.id)).toEqual(before);
    // Its lifecycle follows the shop.
    expect((await app.admin.post(`/orders/orders/${before.documentId}/actions/fulfil`)).body.error.details.code).toBe('webshopOrder');
  });

  test('a tracking number is refused before the shop fulfils it, and set once it has', async () => {
    const order = huOrder();
    await deliver(order);
    const { documentId } = await saved(order.id);
    const early = await put(documentId, { trackingNumber: 'GLS123' });
    expect(early.status).toBe(409);
    expect(early.body.error.details.code).toBe('trackingBeforeFulfilled');
    await deliver({ ...order, status: 'completed', date_modified_gmt: '2024-07-02T08:00:00' });
    expect((await saved(order.id)).state).toBe('fulfilled');
    const response = await put(documentId, { trackingNumber: 'GLS123' });
    expect(response.status).toBe(200);
    expect(response.body.data.trackingNumber).toBe('GLS123');
    expect(response.body.data.history.at(-1).changes).toEqual([{ field: 'trackingNumber', from: null, to: 'GLS123' }]);
  });
});

describe('a shop’s update', () => {
  test('that changes only the shipping address is saved, with an update entry; a replay writes nothing', async () => {
    const order = huOrder();
    await deliver(order);
    const before = await saved(order.id);
    const update = {
      ...order,
      date_modified_gmt: '2024-07-02T09:00:00',
      shipping: { ...order.shipping, city: 'Budapest', postcode: '1052', address_1: 'Váci utca 12.' },
    };
    await deliver(update);
    const after = await saved(order.id);
    expect(after).toMatchObject({ shippingAddress: { city: 'Budapest', postalCode: '1052' }, shippingMethod: 'GLS futár' });
    expect(after.history).toHaveLength(before.history.length + 1);
    const entry = after.history.at(-1);
    expect(entry).toMatchObject({ action: 'update', actor: { type: 'integration', name: connection.name } });
    expect(entry.changes.map((change: { field: string }) => change.field)).toEqual(['shippingAddress']);

    // The same order again, sent anew (not the inbox's duplicate): nothing to write.
    await deliver({ ...update, cart_hash: 'retry' });
    expect(await saved(order.id)).toEqual(after);
  });

  test('a newer one wins over a correction made here; the same one again leaves the correction', async () => {
    const order = huOrder();
    await deliver(order);
    const { documentId } = await saved(order.id);
    expect((await put(documentId, { shippingAddress: SZEGED })).status).toBe(200);
    await deliver({ ...order, cart_hash: 'retry' });
    expect((await saved(order.id)).shippingAddress).toEqual(SZEGED);

    await deliver({ ...order, date_modified_gmt: '2024-07-03T09:00:00' });
    const after = await saved(order.id);
    expect(after.shippingAddress.postalCode).toBe(order.shipping.postcode);
    // Both are in the history: the correction here and the shop's value over it.
    const updates = after.history.filter((entry: { action: string }) => entry.action === 'update');
    expect(updates.map((entry: { actor: { type: string } }) => entry.actor.type)).toEqual(['admin', 'integration']);
  });
});
