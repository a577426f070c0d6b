/**
 * The request body reader's pure part: bytes in, one JSON object or the problems out.
 */
import fc from 'fast-check';
import { readJsonObject, unstorableCharacter } from '../../src/plugins/orders/server/src/core/strict-json';

const LIMITS = { maxDepth: 4, maxItems: 5 };
const read = (text: string | Buffer) => readJsonObject(typeof text === 'string' ? Buffer.from(text) : text, LIMITS);
const problemsOf = (text: string | Buffer) => {
  const result = read(text);
  return result.ok ? [] : result.problems.map(({ path, code, values }) => ({ path: path.join('.'), code, ...(values ? { values } : {}) }));
};

describe('a body that is fine', () => {
  test('is its object', () => {
    expect(read('{"a":1,"b":[{"c":"d"}],"e":null}')).toEqual({ ok: true, value: { a: 1, b: [{ c: 'd' }], e: null } });
  });

  test('may start with a byte-order mark', () => {
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]))).toEqual({ ok: true, value: { a: 1 } });
  });

  test('may hold brackets, quotes and backslashes in its strings without them counting', () => {
    expect(read(String.raw`{"a":"[[[[[[{{{{","b":"\"[[[[[[\\","c\"[[[[":"x"}`).ok).toBe(true);
  });

  test('may hold emoji, accents and U+FFFD sent as valid UTF-8', () => {
    expect(read('{"name":"Kovács 😀 \ufffd"}')).toEqual({ ok: true, value: { name: 'Kovács 😀 \ufffd' } });
  });

  test('may nest exactly as deep as the limit, and list exactly as many items', () => {
    expect(read('{"a":{"b":{"c":{}}}}').ok).toBe(true);
    expect(read('{"a":[[1,2,3,4,5]]}').ok).toBe(true);
  });

  test('may use one key in different objects', () => {
    expect(read('{"a":{"b":1},"b":{"a":2},"c":[{"a":1},{"a":2}]}').ok).toBe(true);
  });
});

describe('a body that is not a JSON object', () => {
  test.each([['[]'], ['"text"'], ['42'], ['true'], ['null']])('%s is the wrong type', (text) => {
    expect(problemsOf(text)).toEqual([{ path: '', code: 'wrongType', values: { expected: 'object' } }]);
  });

  test.each([['{"a":'], ["{'a':1}"], ['{"a":1}x'], ['{"a":NaN}'], ['   '], ['']])('%j is malformed JSON', (text) => {
    expect(problemsOf(text)).toMatchObject([{ path: '', code: 'malformedJson' }]);
  });

  test('malformed JSON says where, without quoting the body', () => {
    const result = read(`{"a":1,${'x'.repeat(1000)}}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].values).toEqual({ position: 7 });
    expect(result.problems[0].message).not.toContain('xxxx');
  });
});

describe('depth', () => {
  test('one level beyond the limit is named where it starts', () => {
    expect(problemsOf('{"a":{"b":{"c":{"d":{}}}}}')).toEqual([{ path: 'a.b.c.d', code: 'tooDeep', values: { max: 4 } }]);
    expect(problemsOf('{"items":[{"quantity":[[1]]}]}')).toEqual([{ path: 'items.0.quantity.0', code: 'tooDeep', values: { max: 4 } }]);
  });

  test('a hundred thousand levels are refused without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(problemsOf(deep)).toEqual([{ path: '0.0.0.0', code: 'tooDeep', values: { max: 4 } }]);
    expect(problemsOf(`{"zzz":${deep}}`)).toEqual([{ path: 'zzz.0.0.0', code: 'tooDeep', values: { max: 4 } }]);
  });
});

describe('lists', () => {
  test('one item beyond the limit is named at its list, once', () => {
    expect(problemsOf('{"items":[1,2,3,4,5,6,7,8]}')).toEqual([{ path: 'items', code: 'tooMany', values: { max: 5 } }]);
    expect(problemsOf('{"a":[[1,2,3,4,5,6],[1,2,3,4,5,6]]}')).toEqual([
      { path: 'a.0', code: 'tooMany', values: { max: 5 } },
      { path: 'a.1', code: 'tooMany', values: { max: 5 } },
    ]);
  });
});

describe('keys', () => {
  test('a key given twice is named, also when spelled with an escape', () => {
    expect(problemsOf('{"a":1,"a":2}')).toEqual([{ path: 'a', code: 'duplicateField', values: { field: 'a' } }]);
    expect(problemsOf('{"a":1,"\\u0061":2}')).toEqual([{ path: 'a', code: 'duplicateField', values: { field: 'a' } }]);
    expect(problemsOf('{"x":[{"b":1,"b":1}]}')).toEqual([{ path: 'x.0.b', code: 'duplicateField', values: { field: 'b' } }]);
  });

  test('__proto__ is an unknown field (zod would skip it without a word)', () => {
    expect(problemsOf('{"__proto__":{"admin":true}}')).toEqual([{ path: '', code: 'unknownField', values: { fields: ['__proto__'] } }]);
    expect(problemsOf('{"a":{"__proto__":1}}')).toEqual([{ path: 'a', code: 'unknownField', values: { fields: ['__proto__'] } }]);
  });
});

describe('text a database cannot store', () => {
  test.each([
    ['a NUL', '"a\\u0000b"', 'U+0000'],
    ['a lone high surrogate', '"a\\ud800b"', 'U+D800'],
    ['a lone high surrogate at the end', '"a\\udbff"', 'U+DBFF'],
    ['a lone low surrogate', '"\\udc00b"', 'U+DC00'],
    ['two high surrogates', '"\\ud800\\ud800\\udc00"', 'U+D800'],
  ])('%s is an invalid character, at its field', (_, value, character) => {
    expect(problemsOf(`{"list":[{"note":${value}}]}`)).toEqual([{ path: 'list.0.note', code: 'invalidCharacter', values: { character } }]);
  });

  test('in a key, it is named at the key’s object', () => {
    expect(problemsOf('{"a":{"b\\u0000":1}}')).toEqual([{ path: 'a', code: 'invalidCharacter', values: { character: 'U+0000' } }]);
  });

  test('at most 20 problems are named', () => {
    const many = `{"a":[${Array(5).fill('"\\u0000"').join(',')}],"b":{${Array.from({ length: 30 }, (_, i) => `"k${i}":"\\u0000"`).join(',')}}}`;
    expect(problemsOf(many)).toHaveLength(20);
  });

  test('unstorableCharacter agrees with String#isWellFormed and a search for NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }), (text) => {
        const storable = !text.includes('\0') && (text as unknown as { isWellFormed(): boolean }).isWellFormed();
        expect(unstorableCharacter(text) === undefined).toBe(storable);
      }),
      { numRuns: 2000 }
    );
  });
});

describe('bytes that are not UTF-8', () => {
  const withBytes = (before: string, bytes: number[], after: string) =>
    Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);

  test.each([
    ['0xFF', [0xff]],
    ['a truncated sequence', [0xc3]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('%s in a value is named at its field', (_, bytes) => {
    expect(problemsOf(withBytes('{"c":{"name":"a', bytes, 'b"}}'))).toEqual([{ path: 'c.name', code: 'notUtf8' }]);
  });

  test('in a key, at its object; outside any string, for the body', () => {
    expect(problemsOf(withBytes('{"c":{"na', [0xff], 'me":1}}'))).toEqual([{ path: 'c', code: 'notUtf8' }]);
    expect(problemsOf(withBytes('{"c":1', [0xff], '}'))).toEqual([{ path: '', code: 'notUtf8' }]);
  });

  test('are found before the depth is measured, and both are named', () => {
    expect(problemsOf(withBytes('{"a":[[[[["', [0xff], '"]]]]]}'))).toEqual([
      { path: '', code: 'notUtf8' },
      { path: 'a.0.0.0', code: 'tooDeep', values: { max: 4 } },
    ]);
  });
});

describe('any JSON object within the limits', () => {
  test('is read as JSON.parse reads it', () => {
    const text = fc.string().filter((s) => unstorableCharacter(s) === undefined && s !== '__proto__');
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 2 },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 5 }),
        fc.dictionary(text, tie('node'), { maxKeys: 4 })
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 5 }), (object) => {
        const json = JSON.stringify(object);
        expect(read(json)).toEqual({ ok: true, value: JSON.parse(json) });
      }),
      { numRuns: 500 }
    );
  });
});
