// Placeholder until the NAV branch lands.
import type { InvoiceJson } from '../../../../shared/contracts/invoices';
export const navInvoiceData = (invoice: InvoiceJson): string => `<InvoiceData>${invoice.number}</InvoiceData>`;
export const navZip = (files: Array<{ name: string; xml: string }>): Buffer => Buffer.from(files.map((f) => f.name).join('\n'));
