import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { ErrorJson, ErrorValues, FieldErrorCode, FieldProblem, RefusalCode } from '../../../shared/contracts/errors';

export const { ValidationError } = errors;

/**
 * 409 Conflict: the request is well-formed but the order's or the stock's current state refuses it.
 * @strapi/utils has no conflict error, so this is an http-errors error, which Strapi's error
 * middleware renders as {data: null, error: {status, name, message, details}} like its own.
 * `details` holds the code and its values side by side.
 */
export const conflict = (code: RefusalCode, message: string, details: ErrorValues = {}) =>
  createHttpError(409, message, { details: { code, ...details } });

/** 422 Unprocessable: well-formed, but it cannot be what it claims to be (a reused idempotency key). */
export const unprocessable = (code: RefusalCode, message: string, details: ErrorValues = {}) =>
  createHttpError(422, message, { details: { code, ...details } });

/** 404 for something the request names that does not exist, with its code and values in `details`. */
export const notFound = (code: RefusalCode, message: string, details: ErrorValues = {}) =>
  new errors.NotFoundError(message, { code, ...details });

/** 401 for a delivery that does not prove it comes from the shop: a wrong or missing signature or token. */
export const unauthorized = (code: Extract<RefusalCode, 'badSignature'>, message: string) =>
  createHttpError(401, message, { details: { code } });

/** 413 for a body larger than the route reads, naming the limit (bytes, as a decimal string). */
export const bodyTooLarge = (limit: number) =>
  new errors.PayloadTooLargeError(`The body is larger than ${limit} bytes, the most this API reads`, {
    code: 'bodyTooLarge' satisfies RefusalCode,
    limit: String(limit),
  });

/** 415 for a body the route cannot read, naming what it takes (nothing, for a route without a body). */
export const unsupportedMediaType = (
  code: Extract<RefusalCode, 'unsupportedMediaType' | 'bodyNotAllowed'>,
  message: string,
  details: ErrorValues
) => createHttpError(415, message, { details: { code, ...details } });

/**
 * Where a field is: a dotted path ("items[2].quantity", as zod issues are written) or its keys
 * (a key from the body may hold dots itself).
 */
export type FieldPath = string | ReadonlyArray<string | number>;

/** The most characters of an input an error repeats: a field's name, a value in a message. */
const MAX_ECHO = 200;
const clip = (text: string) => (text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text);
const MAX_LISTED = 20;
const clipValue = (value: ErrorValues[string]): ErrorValues[string] => {
  if (typeof value === 'string') return clip(value);
  if (!Array.isArray(value)) return value;
  const listed = value.slice(0, MAX_LISTED);
  return listed.every((item) => typeof item === 'string') ? (listed as string[]).map(clip) : listed;
};
const clipValues = (values: ErrorValues): ErrorValues =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, clipValue(value)]));

const keysOf = (path: FieldPath) => (typeof path === 'string' ? path.split(/[.[\]]+/).filter(Boolean) : path.map(String)).map(clip);
/** A path as messages write it: "items[2].quantity". */
const labelOf = (path: FieldPath) =>
  clip(
    typeof path === 'string'
      ? path
      : path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '')
  );

/**
 * 400 naming every field at fault, in Strapi's {errors: [{path, message}]} shape plus code and
 * values. Whatever of the input an error repeats — a field's name, a value quoted in a message —
 * is cut short: an answer never echoes a whole input.
 */
export const invalidFields = (problems: Array<Omit<FieldProblem, 'path'> & { path: FieldPath }>) => {
  const fields = problems.map(({ path, code, message, values = {} }) => ({
    path: keysOf(path),
    message: clip(message),
    code,
    values: clipValues(values),
  }));
  const named = problems
    .slice(0, MAX_LISTED)
    .map(({ path }, i) => (labelOf(path) ? `${labelOf(path)}: ${fields[i].message}` : fields[i].message));
  if (fields.length > MAX_LISTED) named.push(`and ${fields.length - MAX_LISTED} more`);
  return new ValidationError(named.join('; '), { errors: fields });
};

export const invalidField = (path: string, code: FieldErrorCode, message: string, values?: ErrorValues) =>
  invalidFields([{ path, code, message, values }]);

/** One item's refusal in an answer about several (a bulk invoice, a bulk action): what it alone would have been answered. */
export interface ItemRefusal {
  status: number;
  code?: string;
  message: string;
  details?: ErrorJson['details'];
}

/**
 * What a failure of one item of several says: its status, code and words — and, below 500, its
 * details (the invoice an order already has, the shortages), which the admin's words need. A
 * server error says only its message; the caller logs it whole.
 */
export const refusalOf = (error: unknown): ItemRefusal => {
  const failure = error as { status?: number; details?: ErrorJson['details']; message?: string };
  const status = failure.status ?? (error instanceof errors.ValidationError ? 400 : error instanceof errors.NotFoundError ? 404 : 500);
  const code = failure.details?.code ?? failure.details?.errors?.[0]?.code;
  const details = status < 500 && failure.details ? { details: failure.details } : {};
  return { status, ...(code ? { code } : {}), message: failure.message ?? String(error), ...details };
};
