import fc from 'fast-check';
import {
  DecimalFormatError,
  divideRoundHalfUp,
  formatFixed,
  parseFixed,
  toBigInt,
} from '../../src/plugins/orders/shared/domain/fixed-point';

describe('parseFixed', () => {
  test.each([
    ['12.50', 2, 1250n],
    ['-3', 2, -300n],
    ['+7', 2, 700n],
    ['2.5', 3, 2500n],
    ['1.2000', 2, 120n],
    ['1.00', 0, 1n],
    ['0.001', 3, 1n],
    ['007', 0, 7n],
    [' 4.5 ', 1, 45n],
    ['123456789012345678901234567890.12', 2, 12345678901234567890123456789012n],
  ])('%j at scale %i is %p', (input, scale, expected) => {
    expect(parseFixed(input, scale)).toBe(expected);
  });

  test.each([
    [2.5, 3, 2500n],
    [-0.125, 3, -125n],
    [12990, 0, 12990n],
    [0.1, 2, 10n],
  ])('JSON number %p at scale %i is %p', (input, scale, expected) => {
    expect(parseFixed(input, scale)).toBe(expected);
  });

  test.each([
    ['1.234', 2, '"1.234" has more than 2 decimals'],
    ['0.05', 1, '"0.05" has more than 1 decimal'],
    ['12.5', 0, '"12.5" has more than 0 decimals'],
  ])('rejects %j at scale %i: %s', (input, scale, message) => {
    expect(() => parseFixed(input, scale)).toThrow(DecimalFormatError);
    expect(() => parseFixed(input, scale)).toThrow(message);
    expect(() => parseFixed(input, scale)).toThrow(expect.objectContaining({ code: 'decimals', values: { max: scale } }));
  });

  // The regex wants digits on both sides of the point, no exponent and no inner spaces.
  test.each(['abc', '', '   ', '1e5', '1.', '.5', '-', '1,5', '1 000', '0x10', '--1', '1.2.3'])('rejects the text %j', (input) => {
    expect(() => parseFixed(input, 3)).toThrow(DecimalFormatError);
    expect(() => parseFixed(input, 3)).toThrow('is not a decimal number');
    expect(() => parseFixed(input, 3)).toThrow(expect.objectContaining({ code: 'notNumber' }));
  });

  test.each([NaN, Infinity, -Infinity])('rejects the number %p', (input) => {
    expect(() => parseFixed(input, 3)).toThrow(new DecimalFormatError(`${input} is not a decimal number`, 'notNumber'));
  });

  test.each([
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
  ])('rejects %p, whose text has an exponent', (input, text) => {
    expect(() => parseFixed(input, 3)).toThrow(new DecimalFormatError(`${text} is not a plain decimal number`, 'notNumber'));
  });

  test('rejects a float sum that is not what anyone wrote', () => {
    expect(() => parseFixed(0.1 + 0.2, 3)).toThrow(DecimalFormatError);
  });
});

describe('formatFixed', () => {
  test.each([
    [1250n, 2, '12.50'],
    [-5n, 2, '-0.05'],
    [0n, 2, '0.00'],
    [12990n, 0, '12990'],
    [-300n, 0, '-300'],
    [2500n, 3, '2.500'],
  ])('%p at scale %i is %j', (value, scale, expected) => {
    expect(formatFixed(value, scale)).toBe(expected);
  });

  test.each([
    [2500n, '2.5'],
    [15000n, '15'],
    [0n, '0'],
    [-3125n, '-3.125'],
    [-10n, '-0.01'],
  ])('trimmed, %p at scale 3 is %j', (value, expected) => {
    expect(formatFixed(value, 3, { trim: true })).toBe(expected);
  });

  test('parseFixed inverts it, trimmed or not', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 4 }), fc.boolean(), (value, scale, trim) => {
        expect(parseFixed(formatFixed(value, scale, { trim }), scale)).toBe(value);
      })
    );
  });
});

describe('divideRoundHalfUp', () => {
  test.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [5n, 3n, 2n],
    [7n, 2n, 4n],
    [6n, 2n, 3n],
    [0n, 7n, 0n],
    [1n, 3n, 0n],
  ])('%p / %p is %p', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  test('refuses to divide by zero', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  const abs = (x: bigint) => (x < 0n ? -x : x);
  const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);

  test('is within half of the exact quotient, and halves go away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), nonZero, (n, d) => {
        const q = divideRoundHalfUp(n, d);
        const twiceError = 2n * (n - q * d);
        expect(abs(twiceError) <= abs(d)).toBe(true);
        if (abs(twiceError) === abs(d)) {
          // exact half: |q·d| overshoots |n|
          expect(abs(q * d) > abs(n)).toBe(true);
        }
      })
    );
  });

  test('every exact half rounds away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (k, h) => {
        // n / d = k + 1/2 exactly, with d = 2h and n = (2k + 1)h
        const q = divideRoundHalfUp((2n * k + 1n) * h, 2n * h);
        expect(q).toBe(k >= 0n ? k + 1n : k);
      })
    );
  });

  test('is odd: f(-n, d) = -f(n, d)', () => {
    fc.assert(
      fc.property(fc.bigInt(), nonZero, (n, d) => {
        expect(divideRoundHalfUp(-n, d)).toBe(-divideRoundHalfUp(n, d));
      })
    );
  });
});

describe('toBigInt', () => {
  test.each<[unknown, bigint]>([
    [42n, 42n],
    [42, 42n],
    [-7, -7n],
    ['9007199254740993', 9007199254740993n],
    ['-15', -15n],
    [null, 0n],
    [undefined, 0n],
  ])('%p is %p', (value, expected) => {
    expect(toBigInt(value)).toBe(expected);
  });

  test.each<unknown>([1.5, 2 ** 53, NaN, '1.5', '', '+1', ' 1', 'abc', {}, true])('rejects %p', (value) => {
    expect(() => toBigInt(value)).toThrow(TypeError);
  });
});
