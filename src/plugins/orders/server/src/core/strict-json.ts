/**
 * A request body read strictly: valid UTF-8, valid JSON, an object at the top, nested no deeper
 * and lists no longer than any request needs, every key once, and text a database can store —
 * no NUL, no lone surrogate. Pure: bytes and limits in, a value or the problems out; no HTTP.
 *
 * The checks run before zod sees the value, so that no schema ever walks a hostile shape (zod
 * stringifies what it reports, and 3000 levels of brackets overflowed its stack).
 */
import type { FieldErrorCode, ErrorValues } from '../../../shared/contracts/errors';

export type JsonPath = Array<string | number>;

/** A problem with a part of the body, at its path ([] for the body as a whole). */
export interface JsonProblem {
  path: JsonPath;
  code: FieldErrorCode;
  message: string;
  values?: ErrorValues;
}

export interface JsonLimits {
  /** How deeply objects and lists may nest; the top-level object is level 1. */
  maxDepth: number;
  /** The longest list anywhere in the body. */
  maxItems: number;
}

export type JsonResult = { ok: true; value: Record<string, unknown> } | { ok: false; problems: JsonProblem[] };

/** A body with more wrong than this is named by its first problems only: an answer stays short. */
const MAX_PROBLEMS = 20;

/** Text quoted in a message is cut to this many characters, so that no answer repeats a whole input. */
const QUOTED = 40;

const quote = (text: string) => JSON.stringify(text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);

// Half of a surrogate pair without its other half.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first character of `text` that no text column can hold, as "U+0000", or undefined. A NUL
 * breaks PostgreSQL's text ("invalid byte sequence") and cuts SQLite's LIKE short; a lone
 * surrogate is no character at all and cannot be written as UTF-8.
 */
export const unstorableCharacter = (text: string): string | undefined => {
  if (text.includes('\0')) return 'U+0000';
  const match = LONE_SURROGATE.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}` : undefined;
};

export const invalidCharacter = (path: JsonPath, character: string, where = 'text'): JsonProblem => ({
  path,
  code: 'invalidCharacter',
  message: `${where} contains ${character}, which text may not contain`,
  values: { character },
});

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Reads `bytes` as one JSON object within `limits`, or names what is wrong with them. */
export const readJsonObject = (bytes: Uint8Array, limits: JsonLimits): JsonResult => {
  // A byte-order mark before the JSON is dropped (RFC 8259 lets a parser ignore it).
  let text: string;
  let notUtf8 = false;
  try {
    text = fatal.decode(bytes);
  } catch {
    // Read it again with U+FFFD for the bad bytes, only to find which fields hold them.
    text = lenient.decode(bytes);
    notUtf8 = true;
  }
  const wholeBodyNotUtf8: JsonProblem = { path: [], code: 'notUtf8', message: 'the body is not valid UTF-8' };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (notUtf8) return { ok: false, problems: [wholeBodyNotUtf8] };
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const at: ErrorValues = position === undefined ? {} : { position: Number(position) };
    return {
      ok: false,
      problems: [
        {
          path: [],
          code: 'malformedJson',
          message: `the body is not valid JSON${position ? ` (at character ${position})` : ''}`,
          values: at,
        },
      ],
    };
  }

  const shape = shapeProblems(text, limits);
  if (shape.length) return { ok: false, problems: notUtf8 ? [wholeBodyNotUtf8, ...shape] : shape };

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ path: [], code: 'wrongType', message: 'the body must be a JSON object', values: { expected: 'object' } }],
    };
  }

  const problems: JsonProblem[] = [];
  if (notUtf8) {
    walkTexts(value, [], problems, (text, where) =>
      text.includes('\ufffd') ? { code: 'notUtf8', message: `${where} is not valid UTF-8` } : undefined
    );
    return { ok: false, problems: problems.length ? problems : [wholeBodyNotUtf8] };
  }
  walkTexts(value, [], problems, (text, where) => {
    const character = unstorableCharacter(text);
    return character ? invalidCharacter([], character, where) : undefined;
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: value as Record<string, unknown> };
};

type TextCheck = (text: string, where: string) => Omit<JsonProblem, 'path'> | undefined;

/**
 * Checks every string of `value`, keys included (a key's problem is its object's). Recursive:
 * only ever called on a value whose depth `shapeProblems` has bounded. `path` is one array,
 * pushed and popped on the way; a problem gets a copy.
 */
const walkTexts = (value: unknown, path: JsonPath, problems: JsonProblem[], check: TextCheck) => {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const problem = check(value, 'the text');
    if (problem) problems.push({ ...problem, path: [...path] });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      walkTexts(value[index], path, problems, check);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const problem = check(key, `the field name ${quote(key)}`);
      if (problem) problems.push({ ...problem, path: [...path] });
      // No request takes it, and zod skips it without a word (it is the prototype's name).
      if (key === '__proto__')
        problems.push({ path: [...path], code: 'unknownField', message: 'unknown field __proto__', values: { fields: [key] } });
      path.push(key);
      walkTexts((value as Record<string, unknown>)[key], path, problems, check);
      path.pop();
    }
  }
};

interface Level {
  /** An object's keys so far; undefined for a list. */
  keys?: Set<string>;
  /** An object's current key, or a list's current index. */
  at: string | number;
  reported?: boolean;
}

/** Where a string that starts at `start` (its opening quote) ends (its closing quote). */
const stringEnd = (text: string, start: number) => {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
  }
};

/**
 * Depth, list lengths and duplicate keys, read off the text of valid JSON in one pass without
 * recursion (JSON.parse keeps the last of two equal keys silently, and a parsed value would have
 * to be walked to measure it). Stops at the first level too deep.
 */
const shapeProblems = (text: string, { maxDepth, maxItems }: JsonLimits): JsonProblem[] => {
  const problems: JsonProblem[] = [];
  const levels: Level[] = [];
  const path: JsonPath = [];
  let expectingKey = false;
  for (let i = 0; i < text.length && problems.length < MAX_PROBLEMS; i += 1) {
    const char = text.charCodeAt(i);
    const level = levels[levels.length - 1];
    if (char === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (level?.keys && expectingKey) {
        const raw = text.slice(i + 1, end);
        const key: string = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) : raw;
        if (level.keys.has(key)) {
          problems.push({
            path: [...path, key],
            code: 'duplicateField',
            message: `the field ${quote(key)} is given twice`,
            values: { field: key },
          });
        }
        level.keys.add(key);
        level.at = key;
        expectingKey = false;
      }
      i = end;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (level) path.push(level.at);
      if (levels.length + 1 > maxDepth) {
        problems.push({ path: [...path], code: 'tooDeep', message: `nests deeper than ${maxDepth} levels`, values: { max: maxDepth } });
        return problems;
      }
      levels.push(char === 0x7b ? { keys: new Set(), at: '' } : { at: 0 });
      expectingKey = char === 0x7b;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      levels.pop();
      if (levels.length) path.pop();
      expectingKey = false;
    } else if (char === 0x2c /* , */ && level) {
      if (level.keys) {
        expectingKey = true;
      } else {
        level.at = (level.at as number) + 1;
        if ((level.at as number) >= maxItems && !level.reported) {
          level.reported = true;
          problems.push({ path: [...path], code: 'tooMany', message: `has more than ${maxItems} items`, values: { max: maxItems } });
        }
      }
    }
  }
  return problems;
};
