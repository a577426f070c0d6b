/**
 * Events after commit: the engine announces each change, and listeners hear of it only once the
 * change has committed — in the order it was announced, never for a change that was refused or
 * rolled back.
 */
import type { EventName, PluginEvents } from '../../src/plugins/orders/server/src/core/events';
import { act, createOrder, createStockItem, setSettings } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const heard: Array<{ name: EventName; event: PluginEvents[EventName]; stateThen?: string }> = [];
const stops: Array<() => void> = [];

const events = () => app.strapi.plugin('orders').service('events');
/** Listeners run after the response may already have gone: give them a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(async () => {
  app = await startApp();
  const names: EventName[] = [
    'order.created',
    'order.changed',
    'order.deleted',
    'order.transitioned',
    'order.custom-status-set',
    'stock.moved',
  ];
  for (const name of names) {
    stops.push(
      events().on(name, async (event: PluginEvents[EventName]) => {
        // Read outside the change's transaction: only a committed change can be seen here.
        const order =
          'order' in event
            ? await app.strapi.db.query('plugin::orders.order').findOne({ where: { documentId: event.order.documentId } })
            : null;
        heard.push({ name, event, stateThen: order?.state });
      })
    );
  }
});
afterAll(async () => {
  stops.forEach((stop) => stop());
  await app?.stop();
});
beforeEach(() => {
  heard.length = 0;
});

test('creating, changing and finalizing an order are heard, in order, after each commit', async () => {
  const item = await createStockItem(app.admin, { onHand: '5' });
  const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);
  await app.admin.put(`/orders/orders/${order.documentId}`, { note: 'hívj előtte' });
  await act(app.admin, order.documentId, 'finalize');
  await settle();

  const initial = heard.findIndex(
    (entry) => entry.name === 'stock.moved' && (entry.event as PluginEvents['stock.moved']).moves[0].kind === 'initial'
  );
  heard.splice(initial, 1);
  expect(heard.map((entry) => entry.name)).toEqual(['order.created', 'order.changed', 'stock.moved', 'order.transitioned']);
  expect(heard[0].event).toMatchObject({
    order: { documentId: order.documentId, number: order.number },
    state: 'draft',
    source: 'manual',
    actor: { type: 'admin' },
  });
  expect(heard[2].event).toEqual({
    moves: [{ stockItem: item.documentId, sku: item.sku, kind: 'order', quantity: '-2', balanceAfter: '3', order: order.documentId }],
    actor: expect.objectContaining({ type: 'admin' }),
  });
  expect(heard[3]).toMatchObject({ event: { action: 'finalize', from: 'draft', to: 'finalized' }, stateThen: 'finalized' });
});

test('a finalize refused for want of stock is not heard, nor are its stock moves', async () => {
  const item = await createStockItem(app.admin, { onHand: '1' });
  const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '3' }]);
  await settle();
  heard.length = 0;
  expect((await act(app.admin, order.documentId, 'finalize')).status).toBe(409);
  await settle();
  expect(heard).toEqual([]);
});

test('a custom status, a failure with write-off and a deleted draft are heard', async () => {
  await setSettings(app.admin, { allowNegativeStock: false });
  const item = await createStockItem(app.admin, { onHand: '4' });
  const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
  await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: 'processing' });
  await act(app.admin, order.documentId, 'finalize');
  await act(app.admin, order.documentId, 'fail', { restock: false });
  const draft = await createOrder(app.admin, []);
  await app.admin.delete(`/orders/orders/${draft.documentId}`);
  await settle();

  const names = heard.map((entry) => entry.name);
  expect(names).toEqual(expect.arrayContaining(['order.custom-status-set', 'order.deleted']));
  expect(heard.find((entry) => entry.name === 'order.custom-status-set')?.event).toMatchObject({ from: null, to: 'processing' });
  const writeOff = heard.filter((entry) => entry.name === 'stock.moved').at(-1)?.event as PluginEvents['stock.moved'];
  expect(writeOff.moves.map((move) => [move.kind, move.quantity])).toEqual([
    ['order', '1'],
    ['write-off', '-1'],
  ]);
  expect(heard.find((entry) => entry.name === 'order.deleted')?.event).toMatchObject({ order: { documentId: draft.documentId } });
});

test('an event published in a transaction that rolls back is never heard', async () => {
  const order = { documentId: 'none', number: 'none' };
  await expect(
    app.strapi.db.transaction(async () => {
      await events().publish('order.changed', { order, actor: { type: 'system', name: 'test' } });
      throw new Error('rolled back');
    })
  ).rejects.toThrow('rolled back');
  await settle();
  expect(heard).toEqual([]);
});

test('publishing outside a transaction is refused: there would be no commit to wait for', async () => {
  await expect(
    events().publish('order.changed', { order: { documentId: 'x', number: 'x' }, actor: { type: 'system', name: 'test' } })
  ).rejects.toThrow(/outside the transaction/);
});

test('a listener that throws is logged and does not touch the change', async () => {
  const stop = events().on('order.created', () => {
    throw new Error('listener broke');
  });
  try {
    const response = await app.admin.post('/orders/orders', { customer: { name: 'Hibás Hallgató' }, items: [] });
    expect(response.status).toBe(201);
    await settle();
    expect(heard.map((entry) => entry.name)).toEqual(['order.created']);
  } finally {
    stop();
  }
});

test('a job sent on an event runs once after the commit, and is never sent for a refused change', async () => {
  const jobs = app.strapi.plugin('orders').service('jobs');
  const ran: string[] = [];
  jobs.define('test.after-transition', async ({ data }: { data: PluginEvents['order.transitioned'] }) => {
    ran.push(`${data.order.number} ${data.action}`);
  });
  events().sendOn('order.transitioned', 'test.after-transition');

  const item = await createStockItem(app.admin, { onHand: '1' });
  const enough = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
  const tooMuch = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
  expect((await act(app.admin, enough.documentId, 'finalize')).status).toBe(200);
  expect((await act(app.admin, tooMuch.documentId, 'finalize')).status).toBe(409);

  for (let waited = 0; !ran.length && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(ran).toEqual([`${enough.number} finalize`]);
  const sent = await jobs.list('test.after-transition');
  expect(sent.map((job: { state: string }) => job.state)).toEqual(['succeeded']);
});
