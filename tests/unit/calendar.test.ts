import { endOfDay, startOfDay, wallClockOf, yearIn } from '../../src/plugins/orders/shared/domain/calendar';
import { orderNumber } from '../../src/plugins/orders/shared/domain/order-number';

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

describe("an order's number carries the shop's calendar year, not the server's", () => {
  const newYear = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Budapest

  test('00:30 on 1 January in Budapest is already the new year', () => {
    expect(yearIn(newYear, 'Europe/Budapest')).toBe(2027);
    expect(orderNumber(42, newYear, 'Europe/Budapest')).toBe('2027-000042');
  });

  test('while it is still the old year in UTC and west of it', () => {
    expect(orderNumber(42, newYear, 'UTC')).toBe('2026-000042');
    expect(orderNumber(42, newYear, 'America/New_York')).toBe('2026-000042');
  });

  test('the last minute of the year in Budapest is the old year', () => {
    expect(orderNumber(7, new Date('2026-12-31T22:59:59Z'), 'Europe/Budapest')).toBe('2026-000007');
    expect(orderNumber(7, new Date('2026-12-31T23:00:00Z'), 'Europe/Budapest')).toBe('2027-000007');
  });

  test('ids beyond six digits keep every digit', () => {
    expect(orderNumber(1_234_567, newYear, 'Europe/Budapest')).toBe('2027-1234567');
  });
});

test("the wall clock of an instant, as a spreadsheet's date cell shows it: Budapest's time, in winter and in summer", () => {
  expect(wallClockOf(new Date('2026-11-27T13:03:30.250Z'), 'Europe/Budapest').toISOString()).toBe('2026-11-27T14:03:30.000Z');
  expect(wallClockOf(new Date('2026-07-01T22:30:00Z'), 'Europe/Budapest').toISOString()).toBe('2026-07-02T00:30:00.000Z');
});
