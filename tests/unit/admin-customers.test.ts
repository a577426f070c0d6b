/** The Customers page's logic: segment names as the domain words them, the picker's Enter, the overview's bars. */
import { exactMatch } from '../../src/plugins/orders/admin/src/features/customers/utils/exact-match';
import { barsOf } from '../../src/plugins/orders/admin/src/features/customers/utils/overview';
import en from '../../src/plugins/orders/admin/src/translations/en.json';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { SEGMENT_NAMES, SEGMENTS } from '../../src/plugins/orders/shared/domain/segments';

test('every segment is named in both languages, as the domain names it', () => {
  for (const segment of SEGMENTS) {
    expect((en as Record<string, string>)[`segment.${segment}`]).toBe(SEGMENT_NAMES[segment].en);
    expect((hu as Record<string, string>)[`segment.${segment}`]).toBe(SEGMENT_NAMES[segment].hu);
  }
});

test('every message of the customers pages has both languages', () => {
  const keys = (messages: Record<string, string>) =>
    Object.keys(messages)
      .filter((key) => /^(customers?|segment|newOrder\.picker)\./.test(key))
      .sort();
  expect(keys(hu)).toEqual(keys(en));
  expect(keys(en).length).toBeGreaterThan(40);
  for (const key of keys(en)) expect((hu as Record<string, string>)[key]).toBeTruthy();
});

describe("New order's picker: Enter picks", () => {
  const anna = { name: 'Kovács Anna', email: 'anna@example.hu', taxNumber: null };
  const anna2 = { name: 'Kovács Anna', email: 'kovacs.anna@ceg.hu', taxNumber: '12345678-1-42' };
  const annamaria = { name: 'Kovács Annamária', email: 'annamaria@example.hu', taxNumber: null };

  test('the customer whose e-mail or tax number is exactly what was typed', () => {
    expect(exactMatch([anna, anna2, annamaria], ' ANNA@example.hu ')).toBe(anna);
    expect(exactMatch([anna, anna2], '12345678-1-42')).toBe(anna2);
  });

  test('else the one whose name it is, else the only one found; never a guess among several', () => {
    expect(exactMatch([anna, annamaria], 'kovács anna')).toBe(anna);
    expect(exactMatch([annamaria], 'Kovács')).toBe(annamaria);
    expect(exactMatch([anna, anna2], 'Kovács Anna')).toBeUndefined();
    expect(exactMatch([anna, annamaria], 'Kovács')).toBeUndefined();
    expect(exactMatch([anna], '  ')).toBeUndefined();
  });
});

test("the overview's bars: shares of the largest, in the domain's order, in integers", () => {
  const bars = barsOf(
    [
      { segment: 'lost', customers: 5, totalSpent: '10000' },
      { segment: 'loyal', customers: 10, totalSpent: '9007199254740993' },
      { segment: null, customers: 3, totalSpent: '0' },
    ],
    'HUF'
  );
  expect(bars.map((bar) => bar.segment)).toEqual(['loyal', 'lost']);
  expect(bars[0]).toMatchObject({ customersShare: 100, spentShare: 100 });
  expect(bars[1]).toMatchObject({ customersShare: 50, spentShare: 0 });
});
