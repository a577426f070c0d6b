import { permission } from '../../../../shared/contracts/permissions';
import { ORDER_ACTIONS } from '../../../../shared/domain/lifecycle';
import { route } from '../../core/http';

export default [
  route('GET', '/orders', 'orders.list', permission('order', 'read')),
  route('POST', '/orders', 'orders.create', permission('order', 'create')),
  route('GET', '/orders/:id', 'orders.get', permission('order', 'read')),
  route('GET', '/orders/:id/stock-impact', 'orders.stockImpact', permission('order', 'read')),
  route('PUT', '/orders/:id', 'orders.update', permission('order', 'update')),
  route('DELETE', '/orders/:id', 'orders.delete', permission('order', 'delete')),
  route('PUT', '/orders/:id/custom-status', 'orders.customStatus', permission('order', 'custom-status')),
  // One route per button, each behind its own action: an administrator decides per role who may press it.
  ...ORDER_ACTIONS.map((action) => route('POST', `/orders/:id/actions/${action}`, `orders.${action}`, permission('order', action))),
  route('POST', '/orders/:id/actions/:action', 'orders.unknownAction', permission('order', 'read')),
];
