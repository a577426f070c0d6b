import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

const read = permission('document', 'read');

export default [
  route('GET', '/orders/:id/documents', 'documents.list', read),
  route('POST', '/orders/:id/documents', 'documents.issue', permission('document', 'issue')),
  route('GET', '/documents/:id/pdf', 'documents.pdf', read),
];
