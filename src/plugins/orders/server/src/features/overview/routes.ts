import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

// Each half behind the area it shows: whoever may read orders sees their sales, whoever may read
// the inventory sees its low stock.
export default [
  route('GET', '/overview', 'overview.orders', permission('order', 'read')),
  route('GET', '/overview/low-stock', 'overview.lowStock', permission('inventory', 'read')),
];
