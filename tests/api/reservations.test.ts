/**
 * What orders reserve of each stock item is kept on the item (reservedMilli), changed with the
 * order's movements and state in the change's transaction. Items from before it was kept have
 * none (null) and are counted from the ledger at start, once: here the count runs again on items
 * made to look old, alone and beside a finalize that commits while it waits.
 */
import { act, createOrder, createStockItem, ledgerDisagreements } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const ACTOR = { type: 'system', name: 'reservations test' };
const ledger = () => app.strapi.plugin('orders').service('ledger');
const items = () => app.strapi.db.connection('orders_stock_items');
const shown = async (documentId: string) => (await app.admin.get(`/orders/stock-items/${documentId}`)).body.data;

/** Items as before reservations were kept: none counted. */
const forget = () => items().update({ reserved_milli: null });

test('a finalize reserves, a fulfil and an edit give up, each in the item’s own figure', async () => {
  const item = await createStockItem(app.admin, { onHand: '10' });
  const one = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '3' }]);
  const two = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);
  await act(app.admin, one.documentId, 'finalize');
  await act(app.admin, two.documentId, 'finalize');
  expect(await shown(item.documentId)).toMatchObject({ reserved: '5', onHand: '5', physical: '10' });
  await act(app.admin, one.documentId, 'fulfil');
  expect(await shown(item.documentId)).toMatchObject({ reserved: '2', onHand: '5', physical: '7' });
  await act(app.admin, two.documentId, 'edit');
  expect(await shown(item.documentId)).toMatchObject({ reserved: '0', onHand: '7', physical: '7' });
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});

test('items from before it was kept are counted from the ledger at start, and counted ones are left be', async () => {
  const item = await createStockItem(app.admin, { onHand: '10', unit: 'kg' });
  const other = await createStockItem(app.admin, { onHand: '10' });
  const finalized = await createOrder(app.admin, [
    { stockItem: item.documentId, quantity: '1.5' },
    { stockItem: other.documentId, quantity: '1' },
  ]);
  const fulfilled = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);
  await act(app.admin, finalized.documentId, 'finalize');
  await act(app.admin, fulfilled.documentId, 'finalize');
  await act(app.admin, fulfilled.documentId, 'fulfil');
  const before = await Promise.all([shown(item.documentId), shown(other.documentId)]);
  expect(before.map((shownItem) => shownItem.reserved)).toEqual(['1.5', '1']);

  await forget();
  expect((await shown(item.documentId)).reserved).toBe('0');
  // One item counted already keeps its figure: the count takes only those with none.
  await items().where('document_id', other.documentId).update({ reserved_milli: 4000 });
  await ledger().countReservations();
  expect(await shown(item.documentId)).toEqual(before[0]);
  expect((await shown(other.documentId)).reserved).toBe('4');
  await items().where('document_id', other.documentId).update({ reserved_milli: 1000 });
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});

test('a finalize that commits while the count waits is counted once', async () => {
  const item = await createStockItem(app.admin, { onHand: '10' });
  const waiting = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);
  const already = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
  await act(app.admin, already.documentId, 'finalize');
  await forget();

  // The finalize has written and holds its transaction open until the count has started and waits for it.
  let written!: () => void;
  let commit!: () => void;
  const finalizeWritten = new Promise<void>((resolve) => (written = resolve));
  const held = new Promise<void>((resolve) => (commit = resolve));
  const finalize = app.strapi.db.transaction(async () => {
    await app.strapi.plugin('orders').service('orders').transition(waiting.documentId, 'finalize', {}, ACTOR);
    written();
    await held;
  });
  await finalizeWritten;
  const count = ledger().countReservations();
  await new Promise((resolve) => setTimeout(resolve, 300));
  commit();
  await Promise.all([finalize, count]);

  expect(await shown(item.documentId)).toMatchObject({ reserved: '3', onHand: '7' });
  expect(await ledgerDisagreements(app.strapi)).toEqual([]);
});
