import { permission } from '../../../../../shared/contracts/permissions';
import { route } from '../../../core/http';

export default [
  route('GET', '/inbox', 'inbox.list', permission('inbox', 'read')),
  route('GET', '/inbox/:id', 'inbox.get', permission('inbox', 'read')),
  route('POST', '/inbox/:id/replay', 'inbox.replay', permission('inbox', 'replay')),
];
