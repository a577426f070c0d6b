import { permission } from '../../../../shared/contracts/permissions';
import { ORDER_ACTIONS } from '../../../../shared/domain/lifecycle';
import { route } from '../../core/http';

const read = permission('order', 'read');

// The named paths before /orders/:id, which would take "export.csv" for an id.
export default [
  route('GET', '/orders', 'orders.list', read),
  route('POST', '/orders', 'orders.create', permission('order', 'create')),
  // Reading orders lets one in; the action's own permission, the button's, is checked by the controller.
  route('POST', '/orders/bulk', 'orders.bulk', read),
  route('GET', '/orders/export.csv', 'orders.exportCsv', read),
  route('GET', '/orders/export.xlsx', 'orders.exportXlsx', read),
  route('GET', '/orders/:id', 'orders.get', read),
  route('GET', '/orders/:id/stock-impact', 'orders.stockImpact', read),
  route('PUT', '/orders/:id', 'orders.update', permission('order', 'update')),
  route('DELETE', '/orders/:id', 'orders.delete', permission('order', 'delete')),
  route('PUT', '/orders/:id/custom-status', 'orders.customStatus', permission('order', 'custom-status')),
  // One route per button, each behind its own action: an administrator decides per role who may press it.
  ...ORDER_ACTIONS.map((action) => route('POST', `/orders/:id/actions/${action}`, `orders.${action}`, permission('order', action))),
  route('POST', '/orders/:id/actions/:action', 'orders.unknownAction', read),
];
