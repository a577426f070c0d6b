import fc from 'fast-check';
import { recordSearchKey, searchKey, searchPattern } from '../../src/plugins/orders/shared/domain/search-key';

describe('searchKey', () => {
  test('takes away accents and case: every Hungarian vowel, and a name as a shop sends it', () => {
    expect(searchKey('ÁÉÍÓÖŐÚÜŰ áéíóöőúüű')).toBe('aeiooouuu aeiooouuu');
    expect(searchKey('Kovács Éva')).toBe('kovacs eva');
    expect(searchKey('SZABÓ')).toBe(searchKey('szabo'));
  });

  test('finds a name typed with other spacing, and one written decomposed (as macOS may send it)', () => {
    expect(searchKey('  Nagy \t  Ödön\n')).toBe('nagy odon');
    expect(searchKey('Ko\u0301va\u0301cs')).toBe('kovacs');
  });

  test('letters without a mark to strip are written as people type them', () => {
    expect(searchKey('Łódź Straße Søren')).toBe('lodz strasse soren');
  });

  test('is idempotent, and a key is found by the key of any part of its text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, part, after) => {
        expect(searchKey(searchKey(before))).toBe(searchKey(before));
        if (!/\s/.test(part)) expect(searchKey(before + part + after).includes(searchKey(part))).toBe(true);
      })
    );
  });
});

describe('recordSearchKey', () => {
  test('keeps each field apart and a phone or tax number also as its digits', () => {
    const key = recordSearchKey({ texts: ['Kovács Éva', null, 'Éva Bt.'], numbers: ['+36 20 555 1234', '12345678-1-42'] });
    expect(key.split('\n')).toEqual(['kovacs eva', 'eva bt.', '+36 20 555 1234', '12345678-1-42', '36205551234', '12345678142']);
  });

  test('a search never matches across two fields', () => {
    const key = recordSearchKey({ texts: ['Nagy', 'Anna'] });
    expect(key.includes(searchKey('nagy anna'))).toBe(false);
  });
});

describe('searchPattern', () => {
  test('escapes what LIKE would read as wildcards, and has nothing to find in blanks', () => {
    expect(searchPattern('100%_ Kész\\')).toBe('%100\\%\\_ kesz\\\\%');
    expect(searchPattern('   ')).toBeNull();
  });
});
