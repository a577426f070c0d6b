import { permission } from '../../../../shared/contracts/permissions';
import { TEMPLATE_BODY_DEPTH } from '../../../../shared/contracts/templates';
import { route } from '../../core/http';

const read = permission('document', 'read');
/** Templates are part of the settings: Settings → Orders → Templates. */
const readSettings = permission('settings', 'read');
const updateSettings = permission('settings', 'update');
const deep = { maxDepth: TEMPLATE_BODY_DEPTH };

export default [
  route('GET', '/orders/:id/documents', 'documents.list', read),
  route('POST', '/orders/:id/documents', 'documents.issue', permission('document', 'issue')),
  route('GET', '/documents/:id/pdf', 'documents.pdf', read),
  route('GET', '/templates', 'documentTemplates.list', readSettings),
  route('POST', '/templates', 'documentTemplates.create', updateSettings, deep),
  route('POST', '/templates/preview', 'documentTemplates.preview', readSettings, deep),
  route('PUT', '/templates/:id', 'documentTemplates.update', updateSettings, deep),
  route('DELETE', '/templates/:id', 'documentTemplates.retire', updateSettings),
];
