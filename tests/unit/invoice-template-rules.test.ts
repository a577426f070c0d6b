/**
 * Custom invoice templates: the rules of their kind (every block an invoice must show, the
 * invoice's placeholders, no choice of the lines' columns), and a template filled from an invoice
 * saying everything the built-in one says, in its own layout.
 */
import { INVOICE_BLOCKS, templateProblems } from '../../src/plugins/orders/shared/domain/template-rules';
import { renderPdf } from '../../src/plugins/orders/server/src/features/documents/pdf';
import { customInvoiceDocument, invoiceDocument } from '../../src/plugins/orders/server/src/features/invoices/invoice-template';
import { pdfPages } from '../helpers/pdf';
import { companyInvoice, euroInvoice, INVOICE_TEMPLATE, stornoOf } from '../helpers/sample-invoices';

const rulesOf = (template: unknown, kind: 'order' | 'invoice') =>
  templateProblems(template, kind).map(({ path, node, rule }) => `${path} ${node} ${rule}`);

describe('the rules of an invoice template', () => {
  test('a template with every block and the invoice placeholders keeps them', () => {
    expect(templateProblems(INVOICE_TEMPLATE, 'invoice')).toEqual([]);
  });

  test('every block an invoice must show is required', () => {
    expect(rulesOf({ content: [{ heading: {} }, { lines: {} }] }, 'invoice')).toEqual([
      'content seller blockMissing',
      'content buyer blockMissing',
      'content vatBreakdown blockMissing',
      'content totals blockMissing',
    ]);
    expect(INVOICE_BLOCKS).toEqual(['heading', 'seller', 'buyer', 'lines', 'vatBreakdown', 'totals']);
  });

  test("an order's placeholders and blocks are not an invoice's, nor an invoice's an order's", () => {
    const withOrderBits = { ...INVOICE_TEMPLATE, content: [...INVOICE_TEMPLATE.content, '{{order.number}}', { note: {} }] };
    expect(rulesOf(withOrderBits, 'invoice')).toEqual(['content.6 text unknownPlaceholder', 'content.7.note note unknownNode']);
    expect(rulesOf({ content: [{ heading: {} }, '{{invoice.number}}'] }, 'order')).toEqual([
      'content.0.heading heading unknownNode',
      'content.1 text unknownPlaceholder',
    ]);
  });

  test("an invoice's lines show every column: they take no choice", () => {
    const chosen = {
      ...INVOICE_TEMPLATE,
      content: INVOICE_TEMPLATE.content.map((node) => ('lines' in (node as object) ? { lines: { columns: ['name'] } } : node)),
    };
    expect(rulesOf(chosen, 'invoice')).toEqual(['content.3.lines lines badValue']);
  });

  test('the files, addresses and svg an order template may not name, an invoice template may not either', () => {
    expect(
      rulesOf(
        { ...INVOICE_TEMPLATE, content: [...INVOICE_TEMPLATE.content, { image: 'https://example.com/x.png' }, { svg: '<svg/>' }] },
        'invoice'
      )
    ).toEqual(['content.6.image image noFileOrUrl', 'content.7.svg svg svgRefused']);
  });
});

describe('an invoice by a custom template', () => {
  const textOf = async (definition: object) => (await pdfPages(await renderPdf(definition))).join('\n');

  test("says what the built-in invoice says, in the template's own layout and words", async () => {
    const invoice = companyInvoice();
    const custom = await textOf(customInvoiceDocument(INVOICE_TEMPLATE, invoice, null));
    const builtIn = await textOf(invoiceDocument(invoice, null));
    expect(custom).toContain('Számla – Kávéház');
    expect(custom).toContain('Köszönjük a vásárlást! Fizetési határidő: 2026. 12. 09.');
    expect(custom).toContain(`${invoice.seller.name} · ${invoice.number} · 1/1`);
    // Every particular of the built-in invoice is in the custom one too.
    for (const field of [
      invoice.number,
      invoice.seller.taxNumber,
      invoice.seller.bankAccount,
      invoice.buyer.taxNumber!,
      'Alanyi adómentes (Áfa tv. XIII. fejezet)',
      'ÁFA-összesítő',
      'Fizetendő',
    ]) {
      expect(builtIn).toContain(field);
      expect(custom).toContain(field);
    }
  });

  test("a euro invoice's forints and a storno's reference come with the blocks", async () => {
    const euro = await textOf(customInvoiceDocument(INVOICE_TEMPLATE, euroInvoice(), null));
    expect(euro).toMatch(/1 EUR = HUF.395\.12/);
    expect(euro).toContain('VAT (HUF)');
    const storno = await textOf(customInvoiceDocument(INVOICE_TEMPLATE, stornoOf(companyInvoice()), null));
    expect(storno).toContain('Sztornó számla – Kávéház');
    expect(storno).toContain('Az eredeti számla: 2026-E/00001');
  });
});
