/** When schedules fall (core/jobs/schedule.ts), and the one id each occurrence's job gets in every process. */
import { occurrenceId, occurrencesOf } from '../../src/plugins/orders/server/src/core/jobs/schedule';

const at = (iso: string) => new Date(iso).getTime();

test('every N seconds falls on multiples of N since the epoch', () => {
  const hourly = occurrencesOf({ everySeconds: 3600 });
  expect(hourly.latest(at('2026-03-01T10:59:59.999Z'))).toBe(at('2026-03-01T10:00:00Z'));
  expect(hourly.latest(at('2026-03-01T11:00:00Z'))).toBe(at('2026-03-01T11:00:00Z'));
  expect(hourly.next(at('2026-03-01T11:00:00Z'))).toBe(at('2026-03-01T12:00:00Z'));
  expect(hourly.graceMs).toBe(60_000);
  expect(occurrencesOf({ everySeconds: 5 }).graceMs).toBe(5000);
});

test('a cron expression falls in its time zone, across the change to summer time', () => {
  const daily = occurrencesOf({ cron: '0 3 * * *', timeZone: 'Europe/Budapest' });
  // 29 March 2026: Budapest moves from UTC+1 to UTC+2.
  expect(daily.next(at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
  expect(daily.next(at('2026-03-29T12:00:00Z'))).toBe(at('2026-03-30T01:00:00Z'));
  expect(daily.latest(at('2026-03-30T01:00:00Z'))).toBe(at('2026-03-30T01:00:00Z'));
  expect(daily.latest(at('2026-03-30T00:59:59Z'))).toBe(at('2026-03-29T01:00:00Z'));
});

test('a period under a second, or a cron expression that does not read, is refused', () => {
  expect(() => occurrencesOf({ everySeconds: 0 })).toThrow('everySeconds');
  expect(() => occurrencesOf({ everySeconds: 1.5 })).toThrow('everySeconds');
  expect(() => occurrencesOf({ cron: 'every day' })).toThrow();
});

test('an occurrence has the same UUID in every process, and another occurrence or schedule another', () => {
  const id = occurrenceId('feeds.pull', 'shop-1', 'every 900s', at('2026-03-01T10:00:00Z'));
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(occurrenceId('feeds.pull', 'shop-1', 'every 900s', at('2026-03-01T10:00:00Z'))).toBe(id);
  expect(occurrenceId('feeds.pull', 'shop-1', 'every 900s', at('2026-03-01T10:15:00Z'))).not.toBe(id);
  expect(occurrenceId('feeds.pull', 'shop-2', 'every 900s', at('2026-03-01T10:00:00Z'))).not.toBe(id);
});
