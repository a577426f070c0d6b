/**
 * When a schedule's occurrences fall, and the one id each occurrence's job gets.
 *
 * Every app process keeps the schedules its code declares and, at each occurrence, sends its job
 * with an id made from the schedule and the occurrence's time. The database takes one job per id
 * (pg-boss's primary key, or ours on SQLite) and drops the other processes' copies: a scheduled job
 * runs once per occurrence however many processes run, and no process needs to lead.
 */
import { createHash } from 'crypto';
import { parseExpression } from 'cron-parser';
import type { ScheduleWhen } from './types';

export interface Occurrences {
  /** The latest occurrence at or before `now` (ms since the epoch). */
  latest(now: number): number;
  /** The first occurrence after `now`. */
  next(now: number): number;
  /**
   * How late an occurrence may still be sent, e.g. by a process that starts just after it. Older
   * ones are skipped, so that a finished and archived occurrence is never sent again.
   */
  graceMs: number;
  /** The schedule in words, part of each occurrence's id. */
  describe: string;
}

const GRACE_MS = 60_000;

/** Reads a schedule, refusing a period under one second or a cron expression cron-parser cannot read. */
export const occurrencesOf = (when: ScheduleWhen): Occurrences => {
  if ('everySeconds' in when) {
    const { everySeconds } = when;
    if (!Number.isInteger(everySeconds) || everySeconds < 1)
      throw new Error(`jobs: everySeconds must be a whole number of seconds, at least 1 (not ${everySeconds})`);
    const period = everySeconds * 1000;
    return {
      latest: (now) => Math.floor(now / period) * period,
      next: (now) => (Math.floor(now / period) + 1) * period,
      graceMs: Math.min(period, GRACE_MS),
      describe: `every ${everySeconds}s`,
    };
  }
  const tz = when.timeZone ?? 'UTC';
  const at = (now: number) => parseExpression(when.cron, { currentDate: new Date(now), tz });
  at(Date.now());
  return {
    latest: (now) =>
      at(now + 1)
        .prev()
        .getTime(),
    next: (now) => at(now).next().getTime(),
    graceMs: GRACE_MS,
    describe: `cron ${when.cron} ${tz}`,
  };
};

/** A UUID (the shape pg-boss's id column takes) from the schedule and the occurrence: the same in every process. */
export const occurrenceId = (name: string, key: string, describe: string, at: number): string => {
  const hex = createHash('sha256')
    .update([name, key, describe, new Date(at).toISOString()].join('\n'))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
