import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { ErrorValues, FieldErrorCode, FieldProblem, RefusalCode } from '../../../shared/contracts/errors';

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

/** 400 naming every field at fault, in Strapi's {errors: [{path, message}]} shape plus code and values. */
export const invalidFields = (problems: FieldProblem[]) =>
  new ValidationError(problems.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; '), {
    errors: problems.map(({ path, code, message, values = {} }) => ({
      path: path ? path.split(/[.[\]]+/).filter(Boolean) : [],
      message,
      code,
      values,
    })),
  });

export const invalidField = (path: string, code: FieldErrorCode, message: string, values?: ErrorValues) =>
  invalidFields([{ path, code, message, values }]);
