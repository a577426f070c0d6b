import { endOfDay, startOfDay } from '../../src/plugins/orders/shared/domain/calendar';

test('a Budapest day in winter begins at 23:00 UTC the day before', () => {
  expect(startOfDay('2026-11-27', 'Europe/Budapest').toISOString()).toBe('2026-11-26T23:00:00.000Z');
  expect(endOfDay('2026-11-27', 'Europe/Budapest').toISOString()).toBe('2026-11-27T23:00:00.000Z');
});

test('in summer at 22:00 UTC, and across the change to summer time', () => {
  expect(startOfDay('2026-07-01', 'Europe/Budapest').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  // 29 March 2026: clocks go from 02:00 to 03:00, so the day is 23 hours long.
  expect(startOfDay('2026-03-29', 'Europe/Budapest').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  expect(endOfDay('2026-03-29', 'Europe/Budapest').toISOString()).toBe('2026-03-29T22:00:00.000Z');
});

test('UTC is UTC, and month ends roll over', () => {
  expect(startOfDay('2026-12-31', 'UTC').toISOString()).toBe('2026-12-31T00:00:00.000Z');
  expect(endOfDay('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
});
