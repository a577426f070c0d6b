import fc from 'fast-check';
import { formatInvoiceNumber, invoicePatternProblem, DEFAULT_INVOICE_PATTERN } from '../../src/plugins/orders/shared/domain/invoice-number';
import {
  exemptionOf,
  invoiceLines,
  invoiceTotals,
  stornoTotals,
  vatFraction,
} from '../../src/plugins/orders/shared/domain/invoice-content';
import { companyInvoice, euroInvoice, stornoOf } from '../helpers/sample-invoices';

describe('invoice numbers', () => {
  test('the default pattern numbers as MiniCRM does', () => {
    expect(formatInvoiceNumber(DEFAULT_INVOICE_PATTERN, 2026, 1)).toBe('2026-E/00001');
    expect(formatInvoiceNumber('SZ-{seq}/{year}', 2027, 123456)).toBe('SZ-123456/2027');
  });

  test.each([
    ['E/{seq:5}', 'must contain {year} once'],
    ['{year}-E', 'must contain {seq} or {seq:N} once'],
    ['{year}-{seq}-{seq}', 'must contain {seq} or {seq:N} once'],
    ['{year}-E/{seq:0}', '{seq:N} takes 1 to 9 digits'],
    ['{year}#{seq}', 'may hold only letters, digits, spaces and / - _ . besides {year} and {seq}'],
    [`${'X'.repeat(40)}{year}{seq:9}`, 'makes numbers longer than 50 characters'],
  ])('%s is refused: %s', (pattern, problem) => {
    expect(invoicePatternProblem(pattern)).toBe(problem);
  });

  test('numbers of one pattern and year never repeat and sort as they were issued when padded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
        fc.pre(a !== b);
        const [x, y] = [formatInvoiceNumber(DEFAULT_INVOICE_PATTERN, 2026, a), formatInvoiceNumber(DEFAULT_INVOICE_PATTERN, 2026, b)];
        return x !== y && x < y === a < b;
      })
    );
  });
});

describe('invoice content', () => {
  test('VAT percentages are fractions for NAV; exempt codes carry their legal reference', () => {
    expect([vatFraction('27'), vatFraction('5'), vatFraction('5.5'), vatFraction('0'), vatFraction('AAM')]).toEqual([
      '0.27',
      '0.05',
      '0.055',
      '0',
      null,
    ]);
    expect(exemptionOf('EU')).toEqual({ category: 'vatExemption', case: 'KBAET', reason: expect.stringContaining('89. §') });
    expect(exemptionOf('EUK')?.case).toBe('EAM');
    expect(exemptionOf('27')).toBeNull();
  });

  test('an invoice in forints: the summary per rate adds up to the totals, HUF amounts are the amounts', () => {
    const invoice = companyInvoice();
    expect(invoice.totals).toMatchObject({ net: '50872', vat: '8588', gross: '59460', netHuf: '50872', vatHuf: '8588', grossHuf: '59460' });
    expect(invoice.totals.byVatRate.map((row) => [row.vatRate, row.net, row.vat])).toEqual([
      ['27', '30882', '8338'],
      ['5', '4990', '250'],
      ['AAM', '15000', '0'],
    ]);
  });

  test('an invoice in euros: every amount in whole forints at the rate, rounded half-up, gross = net + VAT', () => {
    const invoice = euroInvoice();
    // 12.40 EUR × 395.12 = 4899.488 → 4899; 3.35 × 395.12 = 1323.652 → 1324.
    expect(invoice.lines[1]).toMatchObject({ net: '12.40', vat: '3.35', netHuf: '4899', vatHuf: '1324', grossHuf: '6223' });
    expect(invoice.totals).toMatchObject({
      net: '337.40',
      vat: '3.35',
      gross: '340.75',
      netHuf: '133313',
      vatHuf: '1324',
      grossHuf: '134637',
    });
  });

  test('HUF sums are sums of the lines, whatever the lines and the rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (cents, micro) => {
          const rate = `${Math.floor(micro / 1e6)}.${String(micro % 1e6).padStart(6, '0')}`;
          const source = cents.map((c, i) => {
            const net = (c / 100).toFixed(2);
            return {
              name: `L${i}`,
              sku: null,
              stockItem: null,
              quantity: '1',
              unit: 'db',
              unitPrice: net,
              discountPercent: '0',
              vatRate: '0',
              note: null,
              net,
              vat: '0.00',
              gross: net,
            };
          });
          const lines = invoiceLines(source, 'EUR', rate === '0.000000' ? '0.000001' : rate);
          const totals = invoiceTotals(lines, 'EUR');
          const sum = lines.reduce((s, l) => s + BigInt(l.netHuf), 0n);
          return BigInt(totals.netHuf) === sum && totals.grossHuf === String(BigInt(totals.netHuf) + BigInt(totals.vatHuf));
        }
      )
    );
  });

  test('a storno negates every quantity and amount and keeps the unit prices', () => {
    const original = companyInvoice();
    const storno = stornoOf(original);
    expect(storno.lines[0]).toMatchObject({
      quantity: '-2',
      unitPrice: '12990',
      net: '-23382',
      vat: '-6313',
      gross: '-29695',
      netHuf: '-23382',
    });
    expect(storno.totals.gross).toBe('-59460');
    expect(storno.totals.byVatRate[2]).toMatchObject({ vatRate: 'AAM', net: '-15000', vat: '0' });
    expect(stornoTotals(storno.totals)).toEqual(original.totals);
  });
});
