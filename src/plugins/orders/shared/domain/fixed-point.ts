/**
 * Exact decimal numbers as scaled BigInts: "2.5" at scale 3 is 2500n.
 *
 * Money and quantities never pass through a JavaScript float: they are parsed from their decimal
 * text, computed on integers and formatted back to text.
 */

/** What is wrong with a decimal's text, in the API's error codes: not a number, or too precise. */
export class DecimalFormatError extends Error {
  constructor(
    message: string,
    readonly code: 'notNumber' | 'decimals',
    readonly values: { max?: number } = {}
  ) {
    super(message);
  }
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses "12.50", "-3" or a JSON number into an integer scaled by 10^scale; never rounds. */
export const parseFixed = (input: string | number, scale: number): bigint => {
  const text = typeof input === 'number' ? numberToText(input) : input.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new DecimalFormatError(`"${text}" is not a decimal number`, 'notNumber');
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale) {
    throw new DecimalFormatError(`"${text}" has more than ${scale} decimal${scale === 1 ? '' : 's'}`, 'decimals', { max: scale });
  }
  const scaled = BigInt(whole + significant.padEnd(scale, '0'));
  return sign === '-' ? -scaled : scaled;
};

// A JSON number is already a float; its shortest decimal text is what the sender wrote.
const numberToText = (value: number): string => {
  if (!Number.isFinite(value)) throw new DecimalFormatError(`${value} is not a decimal number`, 'notNumber');
  const text = String(value);
  if (/e/i.test(text)) throw new DecimalFormatError(`${text} is not a plain decimal number`, 'notNumber');
  return text;
};

/** Formats a scaled integer as decimal text with `scale` decimals, or without trailing zeros when `trim`. */
export const formatFixed = (value: bigint, scale: number, { trim = false } = {}): string => {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  if (trim) fraction = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
};

/** Integer division rounded half away from zero — "half-up" as invoices mean it, for credits too. */
export const divideRoundHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
};

/** Reads a database value (bigint columns come back as strings or numbers) as a BigInt. */
export const toBigInt = (value: unknown): bigint => {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (value === null || value === undefined) return 0n;
  throw new TypeError(`expected an integer, got ${String(value)}`);
};

/**
 * Parses a decimal of any precision and rounds it half away from zero to `scale` decimals:
 * for what others computed, such as a webshop's "970.0714" forints, which we keep to the minor unit.
 */
export const parseRounded = (input: string | number, scale: number): bigint => {
  const text = typeof input === 'number' ? numberToText(input) : input.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new DecimalFormatError(`"${text}" is not a decimal number`, 'notNumber');
  const fraction = match[3] ?? '';
  if (fraction.length <= scale) return parseFixed(text, scale);
  const exact = parseFixed(text, fraction.length);
  return divideRoundHalfUp(exact, 10n ** BigInt(fraction.length - scale));
};
