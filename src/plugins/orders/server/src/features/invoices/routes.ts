import { permission } from '../../../../shared/contracts/permissions';
import { route } from '../../core/http';

const read = permission('invoice', 'read');
const issue = permission('invoice', 'issue');

// The named paths before /invoices/:id, which would take "series" or "nav.zip" for an id.
export default [
  route('POST', '/orders/:id/invoice', 'invoices.issue', issue),
  route('POST', '/invoices/bulk', 'invoices.issueMany', issue),
  route('GET', '/invoices', 'invoices.list', read),
  route('GET', '/invoices/series', 'invoices.series', read),
  route('GET', '/invoices/nav.zip', 'invoices.navZip', read),
  route('GET', '/invoices/:id', 'invoices.get', read),
  route('GET', '/invoices/:id/pdf', 'invoices.pdf', read),
  route('POST', '/invoices/:id/pdf', 'invoices.retryPdf', issue),
  route('GET', '/invoices/:id/nav.xml', 'invoices.navXml', read),
  route('POST', '/invoices/:id/storno', 'invoices.storno', permission('invoice', 'storno')),
];
