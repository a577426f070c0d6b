import { permission } from '../../../../../shared/contracts/permissions';
import { route } from '../../../core/http';

const read = permission('connection', 'read');
const manage = permission('connection', 'manage');

export default [
  route('GET', '/connections', 'connections.list', read),
  route('POST', '/connections', 'connections.create', manage),
  route('GET', '/connections/:id', 'connections.get', read),
  route('PUT', '/connections/:id', 'connections.update', manage),
  route('DELETE', '/connections/:id', 'connections.delete', manage),
  route('POST', '/connections/:id/rotate-secret', 'connections.rotateSecret', manage),
  route('POST', '/connections/:id/sync', 'connections.sync', manage),
];
