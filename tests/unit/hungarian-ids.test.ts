import fc from 'fast-check';
import { normalizeBankAccount, normalizeEuVatNumber, normalizeTaxNumber } from '../../src/plugins/orders/shared/domain/hungarian-ids';

/** The check digit that makes `digits` (7 or 15 of them) check out, by the 9-7-3-1 weights. */
const checkDigit = (digits: string) => {
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * [9, 7, 3, 1][i % 4], 0);
  return String((10 - (sum % 10)) % 10);
};

describe('a tax number (adószám)', () => {
  test('is read in its printed form, with or without separators', () => {
    expect(normalizeTaxNumber('12345676-2-42')).toBe('12345676-2-42');
    expect(normalizeTaxNumber(' 12345676 2 42 ')).toBe('12345676-2-42');
    expect(normalizeTaxNumber('12345676242')).toBe('12345676-2-42');
  });

  test('is refused when its check digit is wrong', () => {
    // 12345678-2-42 is the usual example of the form, but its eighth digit does not check out (6 does).
    expect(normalizeTaxNumber('12345678-2-42')).toBeNull();
    expect(normalizeTaxNumber('12345677-2-42')).toBeNull();
  });

  test('is refused with a VAT code outside 1–5 or an unknown county code', () => {
    expect(normalizeTaxNumber('12345676-6-42')).toBeNull();
    expect(normalizeTaxNumber('12345676-0-42')).toBeNull();
    expect(normalizeTaxNumber('12345676-2-21')).toBeNull();
    expect(normalizeTaxNumber('12345676-2-01')).toBeNull();
    expect(normalizeTaxNumber('12345676-2-51')).toBe('12345676-2-51');
  });

  test('is refused when it is not 11 digits', () => {
    for (const text of ['', '1234567-2-42', '123456761-2-42', '12345676-2-4', 'abcdefgh-2-42', '12345676/2/42']) {
      expect(normalizeTaxNumber(text)).toBeNull();
    }
  });

  test('any seven digits with their check digit are a tax number; any other eighth digit is not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), fc.integer({ min: 1, max: 9 }), (seven, shift) => {
        const right = checkDigit(seven);
        const wrong = String((Number(right) + shift) % 10);
        expect(normalizeTaxNumber(`${seven}${right}-1-02`)).toBe(`${seven}${right}-1-02`);
        expect(normalizeTaxNumber(`${seven}${wrong}-1-02`)).toBeNull();
      })
    );
  });
});

describe('a bank account number', () => {
  test('of 16 or 24 digits is read in groups of 8', () => {
    expect(normalizeBankAccount('11773016-11111018')).toBe('11773016-11111018');
    expect(normalizeBankAccount('1177301611111018')).toBe('11773016-11111018');
    expect(normalizeBankAccount('11773016 11111018 00000000')).toBe('11773016-11111018-00000000');
    expect(normalizeBankAccount('117730161111101800000000')).toBe('11773016-11111018-00000000');
  });

  test('is refused when a check digit is wrong', () => {
    expect(normalizeBankAccount('11773017-11111018')).toBeNull();
    expect(normalizeBankAccount('11773016-11111019')).toBeNull();
    expect(normalizeBankAccount('11773016-11111018-00000001')).toBeNull();
  });

  test('is refused when it is not 16 or 24 digits', () => {
    for (const text of ['', '11773016', '11773016-1111101', '11773016-11111018-0000000', '11773016-11111018-00000000-00000000']) {
      expect(normalizeBankAccount(text)).toBeNull();
    }
  });

  test('a 24-digit number checks its last 16 digits as one block, as the MNB defines it', () => {
    // 10000001-00000001-00000009: neither of the last groups checks out alone, the block of 16 does.
    expect(normalizeBankAccount('10000001-00000001-00000009')).toBe('10000001-00000001-00000009');
  });

  test('every group with its check digit is a bank account; a changed digit is not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), fc.stringMatching(/^\d{15}$/), fc.integer({ min: 0, max: 22 }), (bank, rest, at) => {
        const account = `${bank}${checkDigit(bank)}${rest}${checkDigit(rest)}`;
        expect(normalizeBankAccount(account)).toBe(`${account.slice(0, 8)}-${account.slice(8, 16)}-${account.slice(16)}`);
        const digits = [...account];
        digits[at] = String((Number(digits[at]) + 5) % 10);
        expect(normalizeBankAccount(digits.join(''))).toBeNull();
      })
    );
  });
});

test('an EU VAT number is two letters and 2–12 letters or digits', () => {
  expect(normalizeEuVatNumber('HU12345676')).toBe('HU12345676');
  expect(normalizeEuVatNumber('hu 1234 5676')).toBe('HU12345676');
  expect(normalizeEuVatNumber('12345676')).toBeNull();
  expect(normalizeEuVatNumber('HU')).toBeNull();
});
