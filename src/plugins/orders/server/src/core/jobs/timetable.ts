/**
 * This process's schedules: a timer per schedule that, at each occurrence, sends the schedule's
 * job with the occurrence's id (schedule.ts), so that every process can send it and the database
 * keeps one.
 */
import { occurrenceId, occurrencesOf, type Occurrences } from './schedule';
import type { ScheduleWhen } from './types';

/** setTimeout's longest delay. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface Schedule {
  name: string;
  key: string;
  data: string;
  occurrences: Occurrences;
  timer: NodeJS.Timeout | null;
}

export interface TimetableRunner {
  /** Whether this process fires schedules now. */
  working(): boolean;
  /** Sends one occurrence's job; answers whether it was new. */
  send(name: string, id: string, data: unknown, key: string): Promise<unknown>;
  /** A job that could not be sent. */
  failed(name: string, error: Error): void;
}

const idOf = (name: string, key: string) => `${name}\n${key}`;

export const createTimetable = (runner: TimetableRunner) => {
  const schedules = new Map<string, Schedule>();

  /** Sends the schedule's latest occurrence if it is recent enough; other processes' copies are dropped by its id. */
  const fire = (schedule: Schedule, now: number) => {
    const at = schedule.occurrences.latest(now);
    if (now - at >= schedule.occurrences.graceMs || !runner.working()) return;
    const id = occurrenceId(schedule.name, schedule.key, schedule.occurrences.describe, at);
    runner
      .send(schedule.name, id, JSON.parse(schedule.data), `schedule:${schedule.key}`)
      .catch((error) => runner.failed(schedule.name, error));
  };

  const arm = (schedule: Schedule, catchUp: boolean) => {
    if (!runner.working()) return;
    const now = Date.now();
    if (catchUp) fire(schedule, now);
    const delay = Math.min(schedule.occurrences.next(now) - now + 5, LONGEST_TIMER_MS);
    schedule.timer = setTimeout(() => {
      fire(schedule, Date.now());
      arm(schedule, false);
    }, delay);
    schedule.timer.unref();
  };

  const disarm = (schedule: Schedule) => {
    if (schedule.timer) clearTimeout(schedule.timer);
    schedule.timer = null;
  };

  return {
    /** Declares (or replaces) the schedule of a name and key, and arms it when the process works. */
    declare(name: string, key: string, when: ScheduleWhen, data: unknown) {
      const previous = schedules.get(idOf(name, key));
      if (previous) disarm(previous);
      const schedule: Schedule = { name, key, data: JSON.stringify(data ?? null), occurrences: occurrencesOf(when), timer: null };
      schedules.set(idOf(name, key), schedule);
      arm(schedule, true);
    },

    remove(name: string, key: string) {
      const schedule = schedules.get(idOf(name, key));
      if (schedule) disarm(schedule);
      schedules.delete(idOf(name, key));
    },

    /** Arms every schedule, sending an occurrence just missed. */
    armAll: () => schedules.forEach((schedule) => arm(schedule, true)),

    disarmAll: () => schedules.forEach(disarm),
  };
};
