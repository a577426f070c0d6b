/**
 * The last step of every adapter: what it built is checked by the contract's own schema, so that a
 * bad number or currency from any shop — or from a custom shop's JSON push — is refused the same
 * way, with the same code and the field's path.
 */
import type { z } from 'zod';
import {
  normalizedOrder,
  subscriptionNotice,
  type NormalizedOrder,
  type SubscriptionNotice,
} from '../../../../../shared/contracts/normalized-order';
import { AdapterError, quote, type AdapterErrorCode } from './errors';

type Issue = z.core.$ZodIssue;

/** `lines[2].quantity` from ['lines', 2, 'quantity']. */
export const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

const valueAt = (value: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);

const codeOf = (issue: Issue): AdapterErrorCode => {
  const [first, , last] = issue.path;
  if (issue.path.length === 1 && first === 'externalId') return 'missingExternalId';
  if (issue.path.length === 1 && first === 'currency') return 'unknownCurrency';
  if (first === 'lines' && last === 'quantity') return issue.message.includes('decimal') ? 'notANumber' : 'badQuantity';
  if (issue.message === 'is not a decimal number') return 'notANumber';
  return 'invalidOrder';
};

const noticeCodeOf = (issue: Issue, value: unknown): AdapterErrorCode => {
  const [first] = issue.path;
  if (first === 'email') return value === undefined || value === null || String(value).trim() === '' ? 'missingEmail' : 'badEmail';
  if (first === 'subscription') return 'unknownSubscriptionStatus';
  return 'invalidSubscription';
};

/** What the contract's schema reads of `candidate`, or the first thing wrong with it as an AdapterError named by its path. */
const parsed = <T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  prefix: string,
  codeFor: (issue: Issue, value: unknown) => AdapterErrorCode
): T => {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const value = valueAt(candidate, issue.path);
  const path = [prefix, pathText(issue.path)].filter(Boolean).join('.');
  const shown = value === undefined ? '' : ` (got ${quote(value)})`;
  throw new AdapterError(codeFor(issue, value), `${path}: ${issue.message}${shown}`, path);
};

/** The order as the contract reads it, or the first thing wrong with it, named by its path. */
export const validateOrder = (candidate: unknown, prefix = ''): NormalizedOrder => parsed(normalizedOrder, candidate, prefix, codeOf);

/** A newsletter notice as the contract reads it: an e-mail missing or malformed, an unknown subscription, named. */
export const validateNotice = (candidate: unknown, prefix = ''): SubscriptionNotice =>
  parsed(subscriptionNotice, candidate, prefix, noticeCodeOf);
