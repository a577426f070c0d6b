/**
 * Reads a request with one of the shared contracts' schemas (shared/contracts), or refuses it
 * with a 400 that names every field at fault, each with its code and values.
 */
import type { z } from 'zod';
import type { ErrorValues, FieldErrorCode, FieldProblem } from '../../../shared/contracts/errors';
import { invalidFields } from './errors';

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

/**
 * The code and values of a zod issue: ours travel in its params; zod's built-in issues are
 * mapped here, in one place.
 */
const codeOf = (issue: z.core.$ZodIssue): Pick<FieldProblem, 'code' | 'values'> => {
  // Only an issue about a value that was sent carries the input.
  if (!('input' in issue) || issue.input === undefined) return { code: 'required' };
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

/** Parses input or throws a 400 that names every field at fault. */
export const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw invalidFields(
    result.error.issues.map((issue) => ({
      path: pathOf(issue.path),
      message:
        issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message,
      ...codeOf(issue),
    }))
  );
};
