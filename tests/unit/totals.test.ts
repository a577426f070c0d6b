import fc from 'fast-check';
import { lineAmounts, orderTotals, type PricedLine } from '../../src/plugins/orders/shared/domain/totals';
import { VAT_RATES, type VatRate } from '../../src/plugins/orders/shared/domain/vat';

const line = (quantityMilli: bigint, unitPriceMinor: bigint, discountBasisPoints: bigint, vatRate: VatRate): PricedLine => ({
  quantityMilli,
  unitPriceMinor,
  discountBasisPoints,
  vatRate,
});

const rateArb = fc.constantFrom(...VAT_RATES);
const lineArb = fc.record({
  quantityMilli: fc.bigInt({ min: -100_000n, max: 100_000n }),
  unitPriceMinor: fc.bigInt({ min: 0n, max: 10_000_000n }),
  discountBasisPoints: fc.bigInt({ min: 0n, max: 10_000n }),
  vatRate: rateArb,
});
const linesArb = fc.array(lineArb, { maxLength: 12 });

describe('lineAmounts', () => {
  test('2.5 × 1999 HUF − 10 % at 27 %', () => {
    // net = 4497.75 → 4498, VAT = 1214.46 → 1214
    expect(lineAmounts(line(2500n, 1999n, 1000n, '27'))).toEqual({ net: 4498n, vat: 1214n, gross: 5712n });
  });

  test('3 × 12.99 EUR − 12.5 % at 18 %, in cents', () => {
    // net = 3409.875 → 3410, VAT = 613.8 → 614
    expect(lineAmounts(line(3000n, 1299n, 1250n, '18'))).toEqual({ net: 3410n, vat: 614n, gross: 4024n });
  });

  test('half a unit of VAT rounds up, and away from zero for credits', () => {
    expect(lineAmounts(line(1000n, 10n, 0n, '5'))).toEqual({ net: 10n, vat: 1n, gross: 11n });
    expect(lineAmounts(line(-1000n, 10n, 0n, '5'))).toEqual({ net: -10n, vat: -1n, gross: -11n });
    expect(lineAmounts(line(500n, 1n, 0n, '0'))).toEqual({ net: 1n, vat: 0n, gross: 1n });
    expect(lineAmounts(line(-500n, 1n, 0n, '0'))).toEqual({ net: -1n, vat: 0n, gross: -1n });
  });

  test.each(['0', 'AAM', 'TAM', 'EU', 'EUK', 'MAA'] as const)('%s carries no VAT', (rate) => {
    expect(lineAmounts(line(2500n, 1999n, 1000n, rate))).toEqual({ net: 4498n, vat: 0n, gross: 4498n });
  });

  test('a 100 % discount leaves nothing', () => {
    expect(lineAmounts(line(7000n, 12345n, 10000n, '27'))).toEqual({ net: 0n, vat: 0n, gross: 0n });
  });

  test('net is within half a minor unit of the exact product', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        // quantity is in thousandths and the discount in ten-thousandths: the exact net × 10^7
        const exactTimes1e7 = l.quantityMilli * l.unitPriceMinor * (10_000n - l.discountBasisPoints);
        const twiceError = 2n * (lineAmounts(l).net * 10_000_000n - exactTimes1e7);
        expect(twiceError <= 10_000_000n && twiceError >= -10_000_000n).toBe(true);
      })
    );
  });
});

describe('orderTotals', () => {
  test('no lines, no totals', () => {
    expect(orderTotals([])).toEqual({ net: 0n, vat: 0n, gross: 0n, byVatRate: [] });
  });

  test('sums the rounded lines, not the exact amounts', () => {
    // each line: 0.5 HUF net → 1, 27 % of 1 = 0.27 → 0 VAT; rounding the exact 1.5 HUF once would give 2 net and 1 VAT
    const half = line(500n, 1n, 0n, '27');
    expect(orderTotals([half, half, half])).toEqual({
      net: 3n,
      vat: 0n,
      gross: 3n,
      byVatRate: [{ vatRate: '27', net: 3n, vat: 0n, gross: 3n }],
    });
  });

  test('groups by VAT rate in the order of VAT_RATES, listing only rates in use', () => {
    const totals = orderTotals([
      line(1000n, 1000n, 0n, 'AAM'),
      line(2000n, 500n, 0n, '5'),
      line(1000n, 100n, 0n, '27'),
      line(1000n, 300n, 0n, '5'),
    ]);
    expect(totals).toEqual({
      net: 2400n,
      vat: 92n,
      gross: 2492n,
      byVatRate: [
        { vatRate: '27', net: 100n, vat: 27n, gross: 127n },
        { vatRate: '5', net: 1300n, vat: 65n, gross: 1365n },
        { vatRate: 'AAM', net: 1000n, vat: 0n, gross: 1000n },
      ],
    });
  });

  test('totals are the sums of the lines and of the VAT rows', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const totals = orderTotals(lines);
        const amounts = lines.map(lineAmounts);
        const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

        expect(totals.net).toBe(sum(amounts.map((a) => a.net)));
        expect(totals.vat).toBe(sum(amounts.map((a) => a.vat)));
        expect(totals.gross).toBe(totals.net + totals.vat);
        expect(sum(totals.byVatRate.map((r) => r.net))).toBe(totals.net);
        expect(sum(totals.byVatRate.map((r) => r.vat))).toBe(totals.vat);
        expect(sum(totals.byVatRate.map((r) => r.gross))).toBe(totals.gross);
        expect(totals.byVatRate.map((r) => r.vatRate)).toEqual(VAT_RATES.filter((rate) => lines.some((l) => l.vatRate === rate)));
        for (const row of totals.byVatRate) {
          expect(row.gross).toBe(row.net + row.vat);
          expect(row.net).toBe(sum(lines.filter((l) => l.vatRate === row.vatRate).map((l) => lineAmounts(l).net)));
        }
      })
    );
  });
});
