/**
 * The name sort key: its plain comparison follows the Hungarian alphabet (as Intl's Hungarian
 * collation orders, case aside), and it is digits alone, short enough for its column.
 */
import fc from 'fast-check';
import { nameSortKey } from '../../src/plugins/orders/shared/domain/sort-key';

const byKey = (names: string[]) =>
  [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
const sign = (value: number) => Math.sign(value);

test('the Hungarian alphabet: accented letters with their base, cs after c, ö after o, sz after s', () => {
  const names = ['Ágnes', 'Andor', 'Cukor', 'Csaba', 'Emese', 'Éva', 'Olga', 'Ödön', 'Őze', 'Sári', 'Szabó', 'Zoltán', 'Zsófia'];
  expect(byKey([...names].reverse())).toEqual(names);
});

test('a doubled long letter is that letter twice: kasza before kassza (k-a-sz-sz-a)', () => {
  expect(byKey(['Kassza', 'Kasza'])).toEqual(['Kasza', 'Kassza']);
});

test('an accent decides only between names otherwise the same; case not at all; a space before any letter', () => {
  expect(byKey(['Ágota', 'Agota'])).toEqual(['Agota', 'Ágota']);
  expect(byKey(['Ágota', 'Agotb'])).toEqual(['Ágota', 'Agotb']);
  expect(nameSortKey('KOVÁCS ANNA')).toBe(nameSortKey('Kovács  anna'));
  expect(byKey(['Kisanna', 'Kis Anna', 'Kis'])).toEqual(['Kis', 'Kis Anna', 'Kisanna']);
  expect(byKey(['B', '2. Béla', 'Ω', 'A'])).toEqual(['2. Béla', 'A', 'B', 'Ω']);
  expect(nameSortKey(null)).toBe('');
});

test('digits alone, at most 255 of them, whatever the name', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (name) => {
      expect(nameSortKey(name)).toMatch(/^\d{0,255}$/);
    })
  );
});

test('orders as Intl’s Hungarian collation does, case aside', () => {
  const collator = new Intl.Collator('hu', { sensitivity: 'accent' });
  const name = fc.string({ unit: fc.constantFrom('a', 'á', 'c', 's', 'z', 'o', 'ö', 'ő', 'g', 'y', 'n', ' ', 'A', 'Ö'), maxLength: 8 });
  fc.assert(
    fc.property(name, name, (a, b) => {
      const [ka, kb] = [nameSortKey(a), nameSortKey(b)];
      if (a.trim() !== a || b.trim() !== b || /\s\s/.test(a + b)) return;
      expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(sign(collator.compare(a, b)));
    }),
    { numRuns: 2000 }
  );
});
