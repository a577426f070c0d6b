import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

const read = permission('customer', 'read');
const manage = permission('customer', 'manage');

export default [
  route('GET', '/customers', 'customers.list', read),
  route('GET', '/customers/export.csv', 'customers.exportCsv', read),
  route('GET', '/customers/overview', 'customers.overview', read),
  route('GET', '/customers/:id', 'customers.get', read),
  route('PUT', '/customers/:id', 'customers.update', manage),
  route('POST', '/customers/:id/merge', 'customers.merge', manage),
];
