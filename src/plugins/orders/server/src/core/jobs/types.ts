/**
 * The job interface's public types: what a feature defines, sends and schedules, and what a
 * test or the admin reads back. Nothing here knows which database runs the jobs.
 */

/** What one attempt of a job gets. */
export interface JobContext<Data extends object | null = Record<string, unknown>> {
  /** The job's id: the same for every attempt. */
  id: string;
  name: string;
  /** What the job was sent with, read back from JSON. */
  data: Data;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /**
   * Aborted when the attempt has run longer than the job's `expireInSeconds`, or when the app
   * stops while it runs: the attempt then counts as failed whatever the handler does next.
   */
  signal: AbortSignal;
}

/**
 * Does the work of one job. A job runs at least once: a crash after the work but before it is
 * recorded as done runs it again, so a handler must be safe to repeat (idempotent). Throwing fails
 * the attempt; it is retried while the definition's retryLimit allows.
 */
export type JobHandler<Data extends object | null = Record<string, unknown>> = (job: JobContext<Data>) => Promise<unknown> | unknown;

/** How a job name's jobs are retried and timed out, given once with its handler. */
export interface JobOptions {
  /** Retries after the first attempt; then the job ends failed. Default 5. */
  retryLimit?: number;
  /**
   * Seconds before the first retry (a whole number, at least 1). Default 10. With backoff each
   * retry waits twice as long as the one before, with jitter: retry n waits between
   * retryDelaySeconds × 2^(n−1) and twice that.
   */
  retryDelaySeconds?: number;
  /** Whether retries back off exponentially (true, the default) or always wait retryDelaySeconds. */
  retryBackoff?: boolean;
  /** How long one attempt may run before it counts as failed (and is retried). Default 900 (15 minutes). */
  expireInSeconds?: number;
  /**
   * The work is database writes only, through Strapi's query engine or strapi.db.transaction (never
   * strapi.db.connection itself, which on SQLite waits for the one connection the attempt holds):
   * on SQLite an attempt then claims the job, does the work and records it done in one transaction —
   * one commit instead of three, while every other write waits for SQLite's single writer. A failure
   * rolls back claim and work together; the attempt is then counted and retried like any other. On
   * PostgreSQL pg-boss claims and completes as always. Default false.
   */
  oneTransaction?: boolean;
  /**
   * For a oneTransaction job on SQLite: each job waits this many seconds after it is sent, and the
   * attempt that takes it does every job of its name sent by then (up to 100) in its one
   * transaction — a burst's jobs cost one commit (one fsync, while every other write waits for
   * SQLite's single writer) instead of one each. A failure rolls them all back: the failing job's attempt is
   * counted, the others wait again, untouched. Ignored on PostgreSQL. Default 0: no waiting.
   */
  gatherSeconds?: number;
}

/** What send() may add to a job. */
export interface SendOptions {
  /**
   * Dedupe key: while a job of this name with this key waits to start, sending another one with
   * the same key enqueues nothing (send answers null). Once the first has started, a new one may
   * wait again — e.g. key "order-42" for re-rendering order 42's document after each change.
   */
  key?: string;
  /** Not before this moment: a Date, or a number of seconds from now. */
  startAfter?: Date | number;
}

/**
 * When a scheduled job runs: every so many seconds (aligned to the Unix epoch, so "every 3600"
 * runs on the hour, UTC), or on a cron expression (five fields, minute first; a sixth in front
 * means seconds), in a time zone (default UTC).
 */
export type ScheduleWhen = { everySeconds: number } | { cron: string; timeZone?: string };

export interface ScheduleOptions {
  /** Tells apart several schedules of one job name (e.g. one per webshop connection). */
  key?: string;
}

/**
 * Where a job stands. waiting: sent, not started yet (or its startAfter is ahead); running: an
 * attempt is under way; retrying: an attempt failed and the next waits for its delay; succeeded;
 * failed: the last allowed attempt failed; cancelled: cancelled in the database by hand.
 */
export type JobState = 'waiting' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';

/** A failed attempt's error, as kept: its message and the first lines of its stack. */
export interface JobError {
  message: string;
  stack: string | null;
}

/** A job as the database holds it: for tests and the admin. */
export interface JobRecord {
  id: string;
  name: string;
  data: unknown;
  /** The dedupe key it was sent with, or null. */
  key: string | null;
  state: JobState;
  /** Attempts started so far. */
  attempts: number;
  /** Retries allowed after the first attempt. */
  retryLimit: number;
  /** The last failed attempt's error; kept when a later attempt succeeds. Null while none failed. */
  lastError: JobError | null;
  createdAt: Date;
  /** When it may start (its next attempt, while retrying). */
  startAfter: Date;
  /** When its last attempt started. */
  startedAt: Date | null;
  /** When it succeeded or finally failed. */
  finishedAt: Date | null;
}

export interface JobListQuery {
  state?: JobState;
  /** At most this many, newest first. Default 100. */
  limit?: number;
}
