/**
 * The admin API, mounted by Strapi at /orders/…, behind the admin JWT. Every route names the
 * RBAC action it needs; there is no route without one.
 */
import { ORDER_ACTIONS } from '../../../shared/domain/lifecycle';
import { permission } from '../../../shared/contracts/permissions';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const route = (method: Method, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/settings', 'settings.get', permission('settings', 'read')),
      route('PUT', '/settings', 'settings.update', permission('settings', 'update')),
      route('GET', '/custom-statuses', 'settings.customStatuses', permission('order', 'read')),

      route('GET', '/stock-items', 'stock-items.list', permission('inventory', 'read')),
      route('POST', '/stock-items', 'stock-items.create', permission('inventory', 'manage')),
      route('GET', '/stock-items/export.csv', 'stock-items.exportCsv', permission('inventory', 'read')),
      route('GET', '/stock-items/:id', 'stock-items.get', permission('inventory', 'read')),
      route('PUT', '/stock-items/:id', 'stock-items.update', permission('inventory', 'manage')),
      route('POST', '/stock-items/:id/adjustments', 'stock-items.adjust', permission('inventory', 'manage')),
      route('GET', '/stock-items/:id/movements', 'stock-items.movements', permission('inventory', 'read')),

      route('GET', '/orders', 'orders.list', permission('order', 'read')),
      route('POST', '/orders', 'orders.create', permission('order', 'create')),
      route('GET', '/orders/:id', 'orders.get', permission('order', 'read')),
      route('GET', '/orders/:id/stock-impact', 'orders.stockImpact', permission('order', 'read')),
      route('PUT', '/orders/:id', 'orders.update', permission('order', 'update')),
      route('DELETE', '/orders/:id', 'orders.delete', permission('order', 'delete')),
      route('PUT', '/orders/:id/custom-status', 'orders.customStatus', permission('order', 'custom-status')),
      ...ORDER_ACTIONS.map((action) =>
        route('POST', `/orders/:id/actions/${action}`, `orders.${action}`, permission('order', action))
      ),
      route('POST', '/orders/:id/actions/:action', 'orders.unknownAction', permission('order', 'read')),
    ],
  },
};
