import { DecimalFormatError } from '../../src/plugins/orders/shared/domain/fixed-point';
import { currencyScale, DEFAULT_CURRENCY, formatMoney, isCurrencyCode, parseMoney } from '../../src/plugins/orders/shared/domain/money';
import { formatQuantity, parseQuantity } from '../../src/plugins/orders/shared/domain/quantity';
import { isVatRate, VAT_RATES, vatPercent } from '../../src/plugins/orders/shared/domain/vat';

describe('money', () => {
  test('HUF is counted in whole forints, everything else in cents', () => {
    expect(DEFAULT_CURRENCY).toBe('HUF');
    expect(currencyScale('HUF')).toBe(0);
    expect(currencyScale('EUR')).toBe(2);
    expect(currencyScale('USD')).toBe(2);
  });

  test('parses per currency', () => {
    expect(parseMoney('12990', 'HUF')).toBe(12990n);
    expect(parseMoney('12.50', 'EUR')).toBe(1250n);
    expect(parseMoney(12.5, 'EUR')).toBe(1250n);
    expect(parseMoney('-0.99', 'EUR')).toBe(-99n);
    expect(parseMoney('-150', 'HUF')).toBe(-150n);
    expect(parseMoney('100.00', 'HUF')).toBe(100n);
  });

  test('rejects fillér and fractions of a cent', () => {
    expect(() => parseMoney('12.5', 'HUF')).toThrow(new DecimalFormatError('"12.5" has more than 0 decimals'));
    expect(() => parseMoney('0.001', 'EUR')).toThrow(new DecimalFormatError('"0.001" has more than 2 decimals'));
  });

  test('formats per currency', () => {
    expect(formatMoney(1250n, 'EUR')).toBe('12.50');
    expect(formatMoney(12990n, 'HUF')).toBe('12990');
    expect(formatMoney(-99n, 'EUR')).toBe('-0.99');
    expect(formatMoney(-1250n, 'EUR')).toBe('-12.50');
    expect(formatMoney(-12990n, 'HUF')).toBe('-12990');
    expect(formatMoney(0n, 'EUR')).toBe('0.00');
  });

  test('currency codes are three capital letters', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(['eur', 'EU', 'EURO', 'E1R', ''].map(isCurrencyCode)).toEqual([false, false, false, false, false]);
  });
});

describe('quantity', () => {
  test('is kept in thousandths and printed without trailing zeros', () => {
    expect(parseQuantity('2.5')).toBe(2500n);
    expect(parseQuantity(0.125)).toBe(125n);
    expect(parseQuantity('15')).toBe(15000n);
    expect(() => parseQuantity('0.0001')).toThrow(DecimalFormatError);
    expect(formatQuantity(2500n)).toBe('2.5');
    expect(formatQuantity(15000n)).toBe('15');
    expect(formatQuantity(-3125n)).toBe('-3.125');
  });
});

describe('vat', () => {
  test('rates and their percentages', () => {
    expect(VAT_RATES).toEqual(['27', '18', '5', '0', 'AAM', 'TAM', 'EU', 'EUK', 'MAA']);
    expect(VAT_RATES.map(vatPercent)).toEqual([27n, 18n, 5n, 0n, 0n, 0n, 0n, 0n, 0n]);
    expect(isVatRate('27')).toBe(true);
    expect(isVatRate('EUK')).toBe(true);
    expect(['25', 'aam', 27, null, ''].some(isVatRate)).toBe(false);
  });
});
