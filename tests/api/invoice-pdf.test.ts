/**
 * The invoice's PDF as the app makes it: in the renderer's thread, from the compiled worker
 * (`npm run build:server` first, as for every test here), beside order documents on the same
 * thread. What the PDF says is tests/unit/invoice-document.test.ts's; here, that the thread
 * renders an invoice at all, and renders it as the definition alone would.
 */
import { join } from 'path';
import type { createRenderer as CreateRenderer } from '../../src/plugins/orders/server/src/features/documents/renderer';
import { pdfPages } from '../helpers/pdf';
import { companyInvoice, euroInvoice, stornoOf } from '../helpers/sample-invoices';

const DIST = join(__dirname, '../../src/plugins/orders/dist/server/src/features/documents');
// The worker is started from its compiled file beside the compiled renderer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRenderer } = require(join(DIST, 'renderer')) as { createRenderer: typeof CreateRenderer };

const renderer = createRenderer();
afterAll(() => renderer.stop());

const SNAPSHOT = {
  language: 'hu' as const,
  timeZone: 'Europe/Budapest',
  issuedAt: '2026-12-01T10:00:00.000Z',
  order: {
    number: '2026-000042',
    currency: 'HUF',
    createdAt: '2026-12-01T09:00:00.000Z',
    finalizedAt: null,
    note: null,
    externalNumber: null,
  },
  seller: { name: 'Példa Kávé Kft.', address: null, taxNumber: null, email: null, phone: null, logo: null },
  buyer: { name: 'Kovács Éva', address: null, taxNumber: null, email: null, phone: null },
  lines: [],
  totals: { net: '0', vat: '0', gross: '0', byVatRate: [] },
};

describe('the renderer’s thread', () => {
  test('renders invoices and order documents side by side, each as its own', async () => {
    const [invoice, storno, order, euro] = await Promise.all([
      renderer.renderInvoice(companyInvoice(), null),
      renderer.renderInvoice(stornoOf(companyInvoice()), null),
      renderer.render(SNAPSHOT, null),
      renderer.renderInvoice(euroInvoice(), null),
    ]);
    expect(invoice.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfPages(invoice))[0]).toMatch(/^SZÁMLA\n[^]*Számla sorszáma 2026-E\/00001[^]*Fizetendő 59 460 Ft/);
    expect((await pdfPages(storno))[0]).toMatch(/^SZTORNÓ SZÁMLA\n[^]*Az eredeti számla: 2026-E\/00001/);
    expect((await pdfPages(order))[0]).toMatch(/^MEGRENDELÉS\n[^]*2026-000042/);
    expect((await pdfPages(euro))[0]).toContain('Exchange rate 1 EUR = HUF 395.12');
  });

  test('an order’s custom template that breaks a rule is still refused there', async () => {
    await expect(renderer.render(SNAPSHOT, null, { content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/breaks a rule/);
    // The thread lives on: the next invoice renders.
    expect((await renderer.renderInvoice(companyInvoice(), null)).length).toBeGreaterThan(1000);
  });
});
