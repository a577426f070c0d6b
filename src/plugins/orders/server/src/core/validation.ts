/**
 * Reads a request with one of the shared contracts' schemas (shared/contracts), or refuses it
 * with a 400 that names every field at fault, each with its code and values.
 */
import type { z } from 'zod';
import type { ErrorValues, FieldErrorCode, FieldProblem } from '../../../shared/contracts/errors';
import { invalidFields } from './errors';

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

/** What `input` holds at `path`: undefined when the request left it out. */
const valueAt = (input: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    input
  );

/**
 * The code and values of a zod issue: ours travel in its params; zod's built-in issues are
 * mapped here, in one place. An issue about a field the request left out is `required`.
 */
const codeOf = (issue: z.core.$ZodIssue, input: unknown): Pick<FieldProblem, 'code' | 'values'> => {
  if (valueAt(input, issue.path) === undefined) return { code: 'required' };
  const own = (issue as { params?: { code?: FieldErrorCode; values?: ErrorValues } }).params;
  if (own?.code) return { code: own.code, values: own.values };
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? { code: 'belowMin', values: { min: Number(issue.minimum) } } : { code: 'required' };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { code: 'tooMany', values: { max: Number(issue.maximum) } };
      return { code: 'aboveMax', values: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'notOneOf', values: { allowed: issue.values.map(String) } };
    case 'unrecognized_keys':
      return { code: 'unknownField', values: { fields: issue.keys } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'notEmail' };
      if (issue.format === 'date') return { code: 'notDate' };
      return { code: 'wrongType', values: { expected: issue.format } };
    // The only unions are decimals: a string or a number.
    case 'invalid_union':
      return { code: 'notNumber' };
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? { code: 'notNumber' }
        : { code: 'wrongType', values: { expected: issue.expected } };
    default:
      return { code: 'wrongType', values: {} };
  }
};

/**
 * Parses input or throws a 400 that names every field at fault. A request without a body is an
 * empty object. Zod is not asked to report the input in its issues (it stringifies it, whatever
 * its size or depth); the request reader has already bounded what reaches here.
 */
export const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const value = input === undefined ? {} : input;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidFields(
    result.error.issues.map((issue) => ({
      path: pathOf(issue.path),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.slice(0, 5).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`
          : issue.message,
      ...codeOf(issue, value),
    }))
  );
};
