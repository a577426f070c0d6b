/**
 * Calendar days of the shop. "Orders of 27 November" means midnight to midnight where the shop
 * is (Europe/Budapest by default), not in UTC — or the orders of the first hour would fall on
 * the day before.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Budapest';

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
const offsetAt = (instant: number, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value])
  );
  const wallClock = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wallClock - Math.floor(instant / 1000) * 1000;
};

/** The instant a day (YYYY-MM-DD) begins in `timeZone`. */
export const startOfDay = (day: string, timeZone: string): Date => {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(guess, timeZone));
};

/** The instant the day after `day` begins: the exclusive end of `day`. */
export const endOfDay = (day: string, timeZone: string): Date => {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
};

/** The year of `timeZone`'s calendar at `instant`: 23:30 UTC on 31 December is already next year in Budapest. */
export const yearIn = (instant: Date, timeZone: string): number =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(instant));
