/**
 * The few sums an adapter must do on a shop's numbers — a line's net from its unit price, a VAT
 * from a gross — exactly, on scaled BigInts, and back to text. Never a float.
 */
import { divideRoundHalfUp, formatFixed, parseFixed } from '../../../../../shared/domain/fixed-point';
import { AdapterError, quote } from './errors';

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
/** The contract keeps at most 12 decimals; a product of two shop numbers may have more. */
const MAX_DECIMALS = 12;

/**
 * A shop's number as decimal text: a JSON number or a text such as "970.0714" or " 12 ". "12,5",
 * "abc", "1e3" or an empty text are refused with the field's path.
 */
export const decimal = (value: unknown, path: string): string => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !DECIMAL.test(text)) {
    throw new AdapterError('notANumber', `${path}: ${quote(value === undefined ? 'nothing' : value)} is not a number`, path);
  }
  return text;
};

/** Like `decimal`, but a missing or empty field is the given default. */
export const decimalOr = (value: unknown, fallback: string, path: string): string =>
  value === undefined || value === null || value === '' ? fallback : decimal(value, path);

const decimalsOf = (text: string) => (text.split('.')[1] ?? '').length;

/** Keeps at least `keep` decimals ("12.90" stays money-shaped) and at most the contract's 12. */
const format = (scaled: bigint, scale: number, keep = scale): string => {
  const bounded = scale <= MAX_DECIMALS ? scaled : divideRoundHalfUp(scaled, 10n ** BigInt(scale - MAX_DECIMALS));
  const text = formatFixed(bounded, Math.min(scale, MAX_DECIMALS));
  const [whole, fraction = ''] = text.split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(Math.min(keep, MAX_DECIMALS), '0');
  return kept ? `${whole}.${kept}` : whole;
};

export const add = (a: string, b: string): string => {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return format(parseFixed(a, scale) + parseFixed(b, scale), scale);
};

export const subtract = (a: string, b: string): string => add(a, negate(b));

export const negate = (a: string): string => (a.startsWith('-') ? a.slice(1) : a.startsWith('+') ? `-${a.slice(1)}` : `-${a}`);

export const multiply = (a: string, b: string): string => {
  const scaleA = decimalsOf(a);
  const scaleB = decimalsOf(b);
  return format(parseFixed(a, scaleA) * parseFixed(b, scaleB), scaleA + scaleB, Math.max(scaleA, scaleB));
};

/** a ÷ b, exact where it ends within `decimals` places, else rounded half-up there. */
export const divide = (a: string, b: string, decimals: number): string => {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const numerator = parseFixed(a, scale) * 10n ** BigInt(decimals);
  const denominator = parseFixed(b, scale);
  return formatFixed(divideRoundHalfUp(numerator, denominator), decimals, { trim: true });
};

export const isZero = (a: string): boolean => /^[+-]?0*(\.0*)?$/.test(a);

/** The same number without its noise: "27.0000" → "27", "+5" → "5". For percentages, not money. */
export const tidy = (a: string): string => format(parseFixed(a, decimalsOf(a)), decimalsOf(a), 0);

/** "27%" or "27" → "27"; refused as not a number otherwise. */
export const percent = (value: unknown, path: string): string =>
  tidy(decimal(typeof value === 'string' ? value.replace(/%\s*$/, '') : value, path));

/**
 * Which VAT percent a line's tax is of its net. Shops round the tax to the currency, so 638 of 2362
 * is 27 % though not exactly: the Hungarian rate whose tax comes closest, within half a minor unit,
 * wins; otherwise the ratio itself, to two decimals.
 */
export const vatPercentOf = (vat: string, net: string, minorUnit: string): string => {
  if (isZero(vat) || isZero(net)) return '0';
  const tolerance = divide(minorUnit, '2', 4);
  let best: { rate: string; gap: string } | null = null;
  for (const rate of ['27', '18', '5']) {
    const gap = abs(subtract(vat, divide(multiply(net, rate), '100', 12)));
    if (compare(gap, tolerance) <= 0 && (best === null || compare(gap, best.gap) < 0)) best = { rate, gap };
  }
  return best?.rate ?? divide(multiply(vat, '100'), net, 2);
};

export const abs = (a: string): string => (a.startsWith('-') ? a.slice(1) : a);

export const compare = (a: string, b: string): number => {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const difference = parseFixed(a, scale) - parseFixed(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
};
