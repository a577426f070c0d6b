/**
 * Calendar days of the shop. "Orders of 27 November" means midnight to midnight where the shop
 * is (Europe/Budapest by default), not in UTC — or the orders of the first hour would fall on
 * the day before.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Budapest';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: making one is what costs, and a feed asks thousands of times. */
const formatIn = (timeZone: string) => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
};

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
const offsetAt = (instant: number, timeZone: string) => {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value])
  );
  const wallClock = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wallClock - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant a wall-clock time of `timeZone` is; `wallClock` is that time read as if it were UTC
 * (Date.UTC of its fields). The offset at a first guess, then at the result: right on both sides
 * of a daylight-saving change.
 */
export const instantOfWallClock = (wallClock: number, timeZone: string): Date => {
  const guess = wallClock - offsetAt(wallClock, timeZone);
  return new Date(wallClock - offsetAt(guess, timeZone));
};

/**
 * What `timeZone`'s wall clock shows at `instant`, read as if it were UTC (to the second): what a
 * spreadsheet's date cell, which knows no time zone, should show. The inverse of instantOfWallClock.
 */
export const wallClockOf = (instant: Date, timeZone: string): Date => {
  const time = instant.getTime();
  return new Date(Math.floor(time / 1000) * 1000 + offsetAt(time, timeZone));
};

/** The instant a day (YYYY-MM-DD) begins in `timeZone`. */
export const startOfDay = (day: string, timeZone: string): Date => instantOfWallClock(Date.parse(`${day}T00:00:00Z`), timeZone);

/** The instant the day after `day` begins: the exclusive end of `day`. */
export const endOfDay = (day: string, timeZone: string): Date => {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
};

/** The year of `timeZone`'s calendar at `instant`: 23:30 UTC on 31 December is already next year in Budapest. */
export const yearIn = (instant: Date, timeZone: string): number =>
  Number(
    formatIn(timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'year')!.value
  );

/** The day (YYYY-MM-DD) of `timeZone`'s calendar at `instant`. */
export const dayIn = (instant: Date, timeZone: string): string => {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value])
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** The day `days` after `day` (before, when negative). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** How many of `timeZone`'s calendar days lie from `from` to `to`: 0 the same day, 1 the next. */
export const daysBetween = (from: Date, to: Date, timeZone: string): number =>
  Math.round((Date.parse(`${dayIn(to, timeZone)}T00:00:00Z`) - Date.parse(`${dayIn(from, timeZone)}T00:00:00Z`)) / 86_400_000);
