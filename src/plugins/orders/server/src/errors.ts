import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';

export const { ValidationError, NotFoundError } = errors;

/**
 * 409 Conflict: the request is well-formed but the order's or the stock's current state refuses it.
 * @strapi/utils has no conflict error, so this is an http-errors error, which Strapi's error
 * middleware renders as {data: null, error: {status, name, message, details}} like its own.
 */
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details });

export interface FieldProblem {
  path: string;
  message: string;
}

/** 400 naming every field at fault, in Strapi's {errors: [{path, message}]} shape. */
export const invalidFields = (problems: FieldProblem[]) =>
  new ValidationError(
    problems.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; '),
    { errors: problems.map(({ path, message }) => ({ path: path ? path.split(/[.[\]]+/).filter(Boolean) : [], message })) }
  );

export const invalidField = (path: string, message: string) => invalidFields([{ path, message }]);
