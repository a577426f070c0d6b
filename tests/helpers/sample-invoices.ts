/**
 * Invoices as the API answers them, made with the domain's own functions from order lines: a
 * domestic company's invoice with a discount and an exempt line, its storno, a private buyer's,
 * and one in euros with the forints beside. For the tests of what is made from an invoice (its
 * NAV XML, its PDF) without a server.
 */
import type { InvoiceBuyer, InvoiceJson, InvoiceSeller } from '../../src/plugins/orders/shared/contracts/invoices';
import {
  HUF_RATE,
  invoiceLines,
  invoiceTotals,
  stornoLines,
  stornoTotals,
  type InvoiceSourceLine,
} from '../../src/plugins/orders/shared/domain/invoice-content';

export const SELLER: InvoiceSeller = {
  name: 'Példa Kávé Kft.',
  address: { country: 'HU', postalCode: '1051', city: 'Budapest', street: 'Október 6. utca 7.' },
  taxNumber: '12345676-2-42',
  euVatNumber: 'HU12345676',
  bankAccount: '11773016-11111018',
  email: 'szamla@peldakave.hu',
  phone: '+36 1 234 5678',
  website: 'https://peldakave.hu',
};

export const COMPANY_BUYER: InvoiceBuyer = {
  name: 'Vevő Bt.',
  vatStatus: 'domestic',
  address: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 1.' },
  taxNumber: '24387774-2-06',
  euVatNumber: null,
  email: 'penzugy@vevo.hu',
};

export const PRIVATE_BUYER: InvoiceBuyer = {
  name: 'Kovács Éva',
  vatStatus: 'privatePerson',
  address: { country: 'HU', postalCode: '9021', city: 'Győr', street: 'Baross Gábor út 3.' },
  taxNumber: null,
  euVatNumber: null,
  email: 'eva@example.hu',
};

export const EU_BUYER: InvoiceBuyer = {
  name: 'Kaffee GmbH',
  vatStatus: 'other',
  address: { country: 'DE', postalCode: '10115', city: 'Berlin', street: 'Invalidenstraße 1' },
  taxNumber: null,
  euVatNumber: 'DE123456789',
  email: null,
};

const line = (fields: Partial<InvoiceSourceLine> & Pick<InvoiceSourceLine, 'name' | 'net' | 'vat' | 'gross'>): InvoiceSourceLine => ({
  sku: null,
  stockItem: null,
  quantity: '1',
  unit: 'db',
  unitPrice: fields.net,
  discountPercent: '0',
  vatRate: '27',
  note: null,
  ...fields,
});

/** Coffee with a 10 % discount, a mug at 27 %, a book at 5 %, and a course exempt under AAM. */
const HUF_LINES: InvoiceSourceLine[] = [
  line({
    name: 'Pörkölt kávé 1 kg',
    sku: 'KAVE-1',
    stockItem: 'stock-kave',
    quantity: '2',
    unitPrice: '12990',
    discountPercent: '10',
    net: '23382',
    vat: '6313',
    gross: '29695',
  }),
  line({
    name: 'Bögre',
    sku: 'BOGRE',
    stockItem: 'stock-bogre',
    quantity: '3',
    unit: 'db',
    unitPrice: '2500',
    net: '7500',
    vat: '2025',
    gross: '9525',
  }),
  line({ name: 'Kávés könyv', sku: 'KONYV', quantity: '1', unitPrice: '4990', vatRate: '5', net: '4990', vat: '250', gross: '5240' }),
  line({
    name: 'Barista tanfolyam',
    quantity: '1',
    unit: 'alkalom',
    unitPrice: '15000',
    vatRate: 'AAM',
    net: '15000',
    vat: '0',
    gross: '15000',
    note: 'December 12.',
  }),
];

const EUR_LINES: InvoiceSourceLine[] = [
  line({
    name: 'Roasted coffee 1 kg',
    sku: 'KAVE-1',
    stockItem: 'stock-kave',
    quantity: '10',
    unitPrice: '32.50',
    net: '325.00',
    vat: '0.00',
    gross: '325.00',
    vatRate: 'EU',
  }),
  line({ name: 'Shipping', quantity: '1', unitPrice: '12.40', net: '12.40', vat: '3.35', gross: '15.75' }),
];

const base = {
  series: 'E',
  state: 'issued' as const,
  stornoOf: null,
  stornoedBy: null,
  stornoReason: null,
  modificationIndex: null,
  issueDate: '2026-12-01',
  fulfilmentDate: '2026-11-30',
  dueDate: '2026-12-09',
  language: 'hu' as const,
  seller: SELLER,
  issuedBy: { type: 'admin' as const, id: 1, name: 'Admin Anna' },
  issuedAt: '2026-12-01T09:30:00.000Z',
  pdf: { state: 'pending' as const, error: null, contentHash: null, size: null, fileName: 'szamla.pdf' },
};

const invoiceOf = (
  fields: Pick<InvoiceJson, 'documentId' | 'number' | 'buyer' | 'paymentMethod' | 'currency' | 'exchangeRate' | 'order'>,
  lines: InvoiceSourceLine[]
): InvoiceJson => {
  const invoiceLinesMade = invoiceLines(lines, fields.currency, fields.exchangeRate);
  return { ...base, type: 'invoice', ...fields, lines: invoiceLinesMade, totals: invoiceTotals(invoiceLinesMade, fields.currency) };
};

/** A domestic company buyer, in forints: a discount, three rates and an AAM line. */
export const companyInvoice = (): InvoiceJson =>
  invoiceOf(
    {
      documentId: 'inv-company',
      number: '2026-E/00001',
      buyer: COMPANY_BUYER,
      paymentMethod: 'transfer',
      currency: 'HUF',
      exchangeRate: HUF_RATE,
      order: { documentId: 'order-1', number: 'M-2026-00001' },
    },
    HUF_LINES
  );

/** A private person paying cash on delivery, in forints. */
export const privateInvoice = (): InvoiceJson =>
  invoiceOf(
    {
      documentId: 'inv-private',
      number: '2026-E/00002',
      buyer: PRIVATE_BUYER,
      paymentMethod: 'cashOnDelivery',
      currency: 'HUF',
      exchangeRate: HUF_RATE,
      order: { documentId: 'order-2', number: 'M-2026-00002' },
    },
    HUF_LINES.slice(0, 2)
  );

/** A German company in euros, a supply within the EU (EU → NAV's KBAET) and shipping at 27 %. */
export const euroInvoice = (): InvoiceJson => ({
  ...invoiceOf(
    {
      documentId: 'inv-euro',
      number: '2026-E/00003',
      buyer: EU_BUYER,
      paymentMethod: 'transfer',
      currency: 'EUR',
      exchangeRate: '395.12',
      order: { documentId: 'order-3', number: 'M-2026-00003' },
    },
    EUR_LINES
  ),
  language: 'en',
});

/** The storno of an invoice: its own next number, the lines negated, the reference to the original. */
export const stornoOf = (original: InvoiceJson, number = '2026-E/00004'): InvoiceJson => ({
  ...original,
  documentId: `${original.documentId}-storno`,
  number,
  type: 'storno',
  state: 'issued',
  stornoOf: { documentId: original.documentId, number: original.number, issueDate: original.issueDate },
  stornoReason: 'A vevő visszaküldte az árut',
  modificationIndex: 1,
  issueDate: '2026-12-03',
  issuedAt: '2026-12-03T10:00:00.000Z',
  lines: stornoLines(original.lines),
  totals: stornoTotals(original.totals),
});
