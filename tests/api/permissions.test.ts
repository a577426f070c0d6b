/**
 * Per-button permissions, and the engine's invariants against every other door: the Content
 * Manager, the Content API and the Document Service.
 */
import request from 'supertest';
import { RBAC_ACTIONS } from '../../src/plugins/orders/shared/contracts/permissions';
import { act, createOrder, createStockItem, onHand } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const ORDER = (action: string) => `plugin::orders.order.${action}`;

describe('per-button permissions', () => {
  test('every action is registered and listed under Settings → Roles → Plugins', async () => {
    const response = await app.admin.get('/admin/permissions');
    expect(response.status).toBe(200);
    const listed = response.body.data.sections.plugins
      .filter((entry: { plugin: string }) => entry.plugin === 'orders')
      .map((entry: { action: string }) => entry.action);
    expect(listed.sort()).toEqual(
      [
        ...['read', 'create', 'update', 'delete', 'finalize', 'edit', 'fulfil', 'succeed', 'fail', 'custom-status'].map(ORDER),
        'plugin::orders.inventory.read',
        'plugin::orders.inventory.manage',
        'plugin::orders.settings.read',
        'plugin::orders.settings.update',
        'plugin::orders.connection.read',
        'plugin::orders.connection.manage',
        'plugin::orders.inbox.read',
        'plugin::orders.inbox.replay',
        'plugin::orders.customer.read',
        'plugin::orders.customer.manage',
        'plugin::orders.document.read',
        'plugin::orders.document.issue',
        'plugin::orders.invoice.read',
        'plugin::orders.invoice.issue',
        'plugin::orders.invoice.storno',
      ].sort()
    );
    expect(listed).toHaveLength(RBAC_ACTIONS.length);
  });

  test('a role without finalize gets 403 and changes nothing; a role with it succeeds', async () => {
    const item = await createStockItem(app.admin, { onHand: '5' });
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }]);

    const clerk = await app.as([ORDER('read'), ORDER('create'), ORDER('update')]);
    const refused = await act(clerk, order.documentId, 'finalize');
    expect(refused.status).toBe(403);
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.state).toBe('draft');
    expect(await onHand(app.admin, item.documentId)).toBe('5');

    const manager = await app.as([ORDER('read'), ORDER('finalize')]);
    const allowed = await act(manager, order.documentId, 'finalize');
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.history.at(-1).actor.name).toMatch(/^Test Admin/);
    expect(await onHand(app.admin, item.documentId)).toBe('3');
    expect((await act(manager, order.documentId, 'fail')).status).toBe(403);
  });

  test('every route demands its own action, and only that one', async () => {
    const routes = app.strapi.plugin('orders').routes.admin.routes as Array<{
      method: string;
      path: string;
      config: { policies: Array<string | { name: string; config: { actions: string[] } }> };
    }>;
    const nobody = await app.as([]);
    for (const route of routes) {
      const [action] = route.config.policies.flatMap((policy) => (typeof policy === 'string' ? [] : policy.config.actions));
      expect(action).toMatch(/^plugin::orders\./);
      const path = `/orders${route.path.replace(':id', 'unknown').replace(':action', 'unknown')}`;
      const call = (api: typeof nobody) => api[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);

      expect({ route: `${route.method} ${route.path}`, status: (await call(nobody)).status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      const holder = await app.as([action]);
      expect((await call(holder)).status).not.toBe(403);
    }
  });

  test('without an admin login the API answers 401', async () => {
    const response = await request(app.strapi.server.httpServer).get('/orders/orders');
    expect(response.status).toBe(401);
  });
});

describe('no other door', () => {
  test('the Content Manager cannot change orders or stock', async () => {
    const item = await createStockItem(app.admin, { onHand: '5' });
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
    const base = '/content-manager/collection-types';

    const attempts = [
      app.admin.put(`${base}/plugin::orders.order/${order.documentId}`, { state: 'successful' }),
      app.admin.put(`${base}/plugin::orders.stock-item/${item.documentId}`, { onHandMilli: '999000' }),
      app.admin.post(`${base}/plugin::orders.stock-movement`, { kind: 'adjustment', quantityMilli: '1000', balanceAfterMilli: '6000' }),
      app.admin.delete(`${base}/plugin::orders.order/${order.documentId}`),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBeGreaterThanOrEqual(400);

    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.state).toBe('draft');
    expect(await onHand(app.admin, item.documentId)).toBe('5');
  });

  test('the Document Service reads but refuses every write', async () => {
    const item = await createStockItem(app.admin, { onHand: '5' });
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
    const documents = app.strapi.documents;

    expect(await documents('plugin::orders.order').findOne({ documentId: order.documentId })).toMatchObject({ state: 'draft' });
    // Lines and movements are written in batches below Strapi's query engine: Strapi reads them as its own.
    const withLines = await documents('plugin::orders.order').findOne({ documentId: order.documentId, populate: ['items'] });
    expect(withLines?.items).toMatchObject([{ quantityMilli: '1000' }]);
    const movements = await documents('plugin::orders.stock-movement').findMany({
      filters: { stockItem: { documentId: item.documentId } },
    });
    expect(movements).toMatchObject([{ kind: 'initial', quantityMilli: '5000' }]);
    await expect(
      documents('plugin::orders.order').update({ documentId: order.documentId, data: { state: 'successful' } as never })
    ).rejects.toThrow(/change only through the Orders plugin/);
    await expect(
      documents('plugin::orders.stock-item').update({ documentId: item.documentId, data: { onHandMilli: '1' } as never })
    ).rejects.toThrow(/change only through the Orders plugin/);
    await expect(
      documents('plugin::orders.stock-movement').create({ data: { kind: 'adjustment', quantityMilli: '1000' } as never })
    ).rejects.toThrow(/change only through the Orders plugin/);
    await expect(documents('plugin::orders.order').delete({ documentId: order.documentId })).rejects.toThrow(/Orders plugin/);
    expect(await onHand(app.admin, item.documentId)).toBe('5');
  });

  test('the Content API exposes nothing of the plugin', async () => {
    for (const path of ['/api/orders', '/api/orders/orders', '/api/stock-items', '/api/stock-movements']) {
      expect((await request(app.strapi.server.httpServer).get(path)).status).toBe(404);
    }
  });
});
