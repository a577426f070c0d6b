/**
 * The building blocks of every request schema: decimals kept as their text, bounded texts, VAT
 * rates, ids. Numbers arrive as decimal strings or JSON numbers and are checked here for form;
 * their meaning (scale per currency, stock limits) is the engine's business.
 */
import { z } from 'zod';
import { DecimalFormatError, parseFixed } from '../domain/fixed-point';
import { QUANTITY_SCALE } from '../domain/quantity';
import { isVatRate, VAT_RATES, type VatRate } from '../domain/vat';
import type { ErrorValues, FieldErrorCode, Problem } from './errors';

/**
 * Our own checks' code and values travel in a zod issue's params, to be read back by the server's
 * `parse`. Only custom issues (refine, addIssue) keep params: zod's built-in checks are mapped there.
 */
export const ours = (code: FieldErrorCode, values: ErrorValues = {}) => ({ params: { code, values } });

type Check = (value: bigint, one: bigint) => Problem | undefined;

/** A decimal with at most `scale` decimals, kept as its text so no float ever touches it. */
export const decimal = (scale: number, ...checks: Check[]) =>
  z.union([z.string(), z.number()]).transform((input, ctx) => {
    try {
      const value = parseFixed(input, scale);
      const one = 10n ** BigInt(scale);
      for (const problem of checks.map((check) => check(value, one))) {
        if (problem) ctx.addIssue({ code: 'custom', message: problem.message, ...ours(problem.code, problem.values) });
      }
      return String(input).trim();
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, ...ours(error.code, error.values) });
      return z.NEVER;
    }
  });

export const positive: Check = (value) => (value > 0n ? undefined : { code: 'notPositive', message: 'must be greater than 0' });
export const notNegative: Check = (value) => (value >= 0n ? undefined : { code: 'negative', message: 'must not be negative' });
export const notZero: Check = (value) => (value !== 0n ? undefined : { code: 'zero', message: 'must not be 0' });
export const percent: Check = (value, one) =>
  value >= 0n && value <= 100n * one ? undefined : { code: 'percent', message: 'must be between 0 and 100' };
/** Keeps amounts far inside the database's 64-bit integers. */
export const below =
  (limit: bigint): Check =>
  (value, one) =>
    (value < 0n ? -value : value) < limit * one
      ? undefined
      : { code: 'tooLarge', message: `must be less than ${limit} in size`, values: { limit: limit.toString() } };

export const MAX_QUANTITY = 1_000_000_000n;
export const MAX_AMOUNT = 1_000_000_000_000n;

export const quantity = decimal(QUANTITY_SCALE, positive, below(MAX_QUANTITY));
export const stockLevel = decimal(QUANTITY_SCALE, notNegative, below(MAX_QUANTITY));
/** Any currency's precision; the engine narrows it to the order's currency (HUF: whole forints). */
export const money = decimal(2, below(MAX_AMOUNT));
/** A price that cannot be negative, such as a stock item's (an order's coupon line may be). */
export const price = decimal(2, notNegative, below(MAX_AMOUNT));
export const text = (max = 255) => z.string().trim().max(max);
export const optionalText = (max = 255) => text(max).nullable().optional();
// Not z.enum, which lists its options sorted ("0, 5, 18, 27"): the values keep the rates' order.
export const vatRate = z.custom<VatRate>(isVatRate, {
  message: `must be one of ${VAT_RATES.join(', ')}`,
  ...ours('notOneOf', { allowed: VAT_RATES }),
});
export const documentId = z.string().trim().min(1);
