/**
 * The segment rules on a fixed clock: every boundary of the issue (d = 30, 31, 60, 61, 90, 91,
 * 365, 366; n = 0…4), in the shop's calendar, and the cutoffs the server's SQL compares with.
 */
import { addDays, dayIn, startOfDay } from '../../src/plugins/orders/shared/domain/calendar';
import {
  cutoffOf,
  DEFAULT_SEGMENT_RULES,
  SEGMENT_NAMES,
  SEGMENTS,
  segmentOf,
  segmentRulesProblem,
  type Segment,
  type Subscription,
} from '../../src/plugins/orders/shared/domain/segments';

const TZ = 'Europe/Budapest';
/** 11:00 in Budapest on 1 December 2026. */
const NOW = new Date('2026-12-01T10:00:00Z');
/** An instant `days` calendar days before NOW's day in Budapest, late in the evening (23:30 there). */
const daysAgo = (days: number) => new Date(startOfDay(addDays(dayIn(NOW, TZ), -days), TZ).getTime() + 23.5 * 3_600_000);

const segment = (counted: number, days: number | null, subscription: Subscription | null = null, registeredDaysAgo = 0) =>
  segmentOf(
    { counted, lastOrderAt: days === null ? null : daysAgo(days), registeredAt: daysAgo(registeredDaysAgo), subscription },
    NOW,
    DEFAULT_SEGMENT_RULES,
    TZ
  );

// Written out literally from the issue, so that a change of the defaults is caught here.
const BUYERS: Array<[n: number, d: number, expected: Segment]> = [
  [1, 0, 'one-time'],
  [1, 30, 'one-time'],
  [1, 31, 'passive'],
  [1, 60, 'passive'],
  [1, 61, 'lost'],
  [1, 366, 'lost'],
  [2, 30, 'repeat'],
  [2, 60, 'repeat'],
  [2, 61, 'passive'],
  [2, 90, 'passive'],
  [2, 91, 'lost'],
  [3, 60, 'repeat'],
  [3, 61, 'passive'],
  [3, 90, 'passive'],
  [3, 91, 'lost'],
  [3, 365, 'lost'],
  [4, 0, 'loyal'],
  [4, 60, 'loyal'],
  [4, 90, 'loyal'],
  [4, 91, 'passive-loyal'],
  [4, 365, 'passive-loyal'],
  [4, 366, 'lost-loyal'],
  [9, 90, 'loyal'],
  [9, 91, 'passive-loyal'],
];

test.each(BUYERS)('n = %i, d = %i → %s', (n, d, expected) => {
  expect(segment(n, d)).toBe(expected);
});

test.each([
  [0, 'registered'],
  [60, 'registered'],
  [61, 'inactive'],
  [366, 'inactive'],
] as const)('n = 0, registered %i days ago → %s', (registered, expected) => {
  expect(segment(0, null, null, registered)).toBe(expected);
});

test('n = 0: what a shop says of the newsletter wins over registered and inactive', () => {
  expect(segment(0, null, 'subscribed', 0)).toBe('subscriber');
  expect(segment(0, null, 'subscribed', 200)).toBe('subscriber');
  expect(segment(0, null, 'unsubscribed', 0)).toBe('unsubscribed');
  // A buyer is segmented by buying, whatever the newsletter.
  expect(segment(2, 10, 'unsubscribed')).toBe('repeat');
});

test("days are the shop's calendar days, not 24-hour periods nor UTC days", () => {
  const rules = DEFAULT_SEGMENT_RULES;
  // 00:30 in Budapest on 1 November is 23:30 UTC on 31 October: 30 days before 1 December there.
  const justInside = new Date('2026-10-31T23:30:00Z');
  expect(segmentOf({ counted: 1, lastOrderAt: justInside, registeredAt: justInside, subscription: null }, NOW, rules, TZ)).toBe('one-time');
  expect(segmentOf({ counted: 1, lastOrderAt: justInside, registeredAt: justInside, subscription: null }, NOW, rules, 'UTC')).toBe(
    'passive'
  );
  // 23:59 on 31 October in Budapest: 31 days, passive.
  expect(
    segmentOf({ counted: 1, lastOrderAt: new Date('2026-10-31T22:59:00Z'), registeredAt: NOW, subscription: null }, NOW, rules, TZ)
  ).toBe('passive');
});

test('the cutoffs the SQL compares with say the same as counting days', () => {
  for (const days of [30, 60, 90, 365]) {
    const cutoff = cutoffOf(NOW, days, TZ);
    expect(daysAgo(days).getTime()).toBeGreaterThanOrEqual(cutoff.getTime());
    expect(daysAgo(days + 1).getTime()).toBeLessThan(cutoff.getTime());
    expect(dayIn(cutoff, TZ)).toBe(addDays(dayIn(NOW, TZ), -days));
    expect(dayIn(new Date(cutoff.getTime() - 1), TZ)).toBe(addDays(dayIn(NOW, TZ), -days - 1));
  }
});

test('thresholds from the settings move the boundaries', () => {
  const rules = { ...DEFAULT_SEGMENT_RULES, oneTime: { activeDays: 7, passiveDays: 14 } };
  const facts = (days: number) => ({ counted: 1, lastOrderAt: daysAgo(days), registeredAt: NOW, subscription: null });
  expect(segmentOf(facts(7), NOW, rules, TZ)).toBe('one-time');
  expect(segmentOf(facts(8), NOW, rules, TZ)).toBe('passive');
  expect(segmentOf(facts(15), NOW, rules, TZ)).toBe('lost');
});

test('rules whose days shrink or whose bands overlap are refused', () => {
  expect(segmentRulesProblem(DEFAULT_SEGMENT_RULES)).toBeNull();
  expect(segmentRulesProblem({ ...DEFAULT_SEGMENT_RULES, oneTime: { activeDays: 30, passiveDays: 10 } })).toMatchObject({
    path: ['oneTime', 'passiveDays'],
    rule: 'passiveBelowActive',
  });
  expect(segmentRulesProblem({ ...DEFAULT_SEGMENT_RULES, loyal: { fromOrders: 2, activeDays: 90, passiveDays: 365 } })).toMatchObject({
    path: ['loyal', 'fromOrders'],
    rule: 'loyalNotAboveRepeat',
  });
});

test('every segment has a name in English and Hungarian', () => {
  for (const segment of SEGMENTS) {
    expect(SEGMENT_NAMES[segment].en).toBeTruthy();
    expect(SEGMENT_NAMES[segment].hu).toBeTruthy();
  }
  expect(SEGMENT_NAMES['one-time'].hu).toBe('Egyszeri vevő');
  expect(SEGMENT_NAMES['lost-loyal'].hu).toBe('Elvesztett törzsvásárló');
});
