import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

const read = permission('inventory', 'read');
const manage = permission('inventory', 'manage');

export default [
  route('GET', '/stock-items', 'stock-items.list', read),
  route('POST', '/stock-items', 'stock-items.create', manage),
  route('GET', '/stock-items/export.csv', 'stock-items.exportCsv', read),
  route('GET', '/stock-items/:id', 'stock-items.get', read),
  route('PUT', '/stock-items/:id', 'stock-items.update', manage),
  route('POST', '/stock-items/:id/adjustments', 'stock-items.adjust', manage),
  route('GET', '/stock-items/:id/movements', 'stock-items.movements', read),
];
