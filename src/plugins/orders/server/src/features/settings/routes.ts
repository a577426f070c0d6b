import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

export default [
  route('GET', '/settings', 'settings.get', permission('settings', 'read')),
  route('PUT', '/settings', 'settings.update', permission('settings', 'update')),
  route('GET', '/custom-statuses', 'settings.customStatuses', permission('order', 'read')),
];
