/**
 * A shop's JSON body, read by the plugin's strict reader: valid UTF-8, one object, no key twice,
 * and nested no deeper than any shop nests (a 10 000-deep body is refused by a loop, not a stack).
 */
import { readJsonObject } from '../../../core/strict-json';
import { AdapterError } from './errors';
import { pathText } from './validate';

/** Deeper than WooCommerce's meta_data or Shoprenter's volume units ever go. */
export const MAX_DEPTH = 32;
/** More items in one list than a feed of orders or an order of lines has. */
const MAX_ITEMS = 100_000;

/** The body's object, or an AdapterError naming what is wrong with it. */
export const readJson = (body: Buffer | string): Record<string, unknown> => {
  const result = readJsonObject(typeof body === 'string' ? Buffer.from(body) : body, { maxDepth: MAX_DEPTH, maxItems: MAX_ITEMS });
  if (result.ok) return result.value;
  const [problem] = result.problems;
  const path = pathText(problem.path);
  const code = problem.code === 'tooDeep' ? 'tooDeep' : 'malformedJson';
  // A problem of the body as a whole already says "the body …": prefixing it again read "the body the body is not valid JSON".
  throw new AdapterError(code, path ? `${path}: ${problem.message}` : problem.message, path || undefined);
};

/** The value as a list: shops send one element bare and several as a list. */
export const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];

export type Fields = Record<string, unknown>;

/** The value as an object, or an empty one, so that a missing group reads as missing fields. */
export const fields = (value: unknown): Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};

/** A field as trimmed text, or null when it is missing or empty. Numbers become their text. */
export const textOf = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
};
