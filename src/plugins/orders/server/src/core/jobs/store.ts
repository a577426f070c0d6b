/**
 * Where jobs are kept: pg-boss's tables on PostgreSQL (pg-boss-store.ts), a table of the plugin's
 * on SQLite (sqlite-store.ts). The runner (index.ts) asks only this of either.
 */
import type { Knex } from 'knex';
import type { JobError, JobListQuery, JobRecord } from './types';

/** A job as send() hands it to a store. */
export interface NewJob {
  id: string;
  name: string;
  /** The data as JSON text. */
  data: string;
  /** The dedupe key, or null: a store then makes the job its own key so that it dedupes with none. */
  key: string | null;
  /** Null: now. */
  startAfter: Date | null;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/** A job one attempt has taken: no other process or loop can take it until the attempt ends. */
export interface ClaimedJob {
  id: string;
  name: string;
  data: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** An earlier attempt's error, kept when this one succeeds. */
  lastError: JobError | null;
}

export interface JobStore {
  /** Creates or migrates what the store keeps in the database; idempotent, safe in several processes at once. */
  open(): Promise<void>;
  /** Gets the database ready for jobs of this name. */
  prepare(name: string): Promise<void>;
  /**
   * Writes the job, on `trx` when given (so that it commits or rolls back with it). Answers
   * false when a waiting job of the same name and key (or the same id) made it a duplicate.
   */
  enqueue(job: NewJob, trx: Knex.Transaction | null): Promise<boolean>;
  /** Takes the oldest due job of this name for an attempt, or answers null. */
  claim(name: string): Promise<ClaimedJob | null>;
  succeed(job: ClaimedJob): Promise<void>;
  /** Ends the attempt failed: the job retries after its backoff while its retryLimit allows, else ends failed. */
  fail(job: ClaimedJob, error: JobError): Promise<void>;
  /**
   * Where it can (SQLite): claims the oldest due job of this name, runs `work` on it and records it
   * succeeded — then the next due one, or waiting one due within `burstMs`, up to `most` — in one
   * transaction that `work` joins; answers the jobs done, or the job whose `work` threw and what it
   * threw (all of it rolled back then, every job as before its claim), or null when none was due.
   */
  claimAndDo?(
    name: string,
    work: (job: ClaimedJob) => Promise<void>,
    most: number,
    burstMs?: number
  ): Promise<{ done: ClaimedJob[]; failed: { job: ClaimedJob; failure: unknown } | null } | null>;
  /** Records the failed attempt of claimAndDo, whose claim rolled back with its work: counts it, then retries or ends the job. */
  failRolledBack?(job: ClaimedJob, error: JobError): Promise<void>;
  get(name: string, id: string): Promise<JobRecord | null>;
  list(name: string, query: JobListQuery): Promise<JobRecord[]>;
  /** Stops the store's own timers and waits for its statements in flight. */
  close(): Promise<void>;
}

const MESSAGE_LENGTH = 2000;
const STACK_LINES = 20;
const STACK_LENGTH = 4000;

/** A thrown value as kept: its message, and its stack cut to a few lines so that a row stays small. */
export const jobErrorOf = (error: unknown): JobError => {
  const message = error instanceof Error ? error.message : String(error);
  const stack =
    error instanceof Error && error.stack ? error.stack.split('\n').slice(0, STACK_LINES).join('\n').slice(0, STACK_LENGTH) : null;
  return { message: message.slice(0, MESSAGE_LENGTH), stack };
};

/**
 * Seconds before the retry that follows failed attempt `attempt` (1-based): pg-boss's formula,
 * kept the same on SQLite so that both databases wait alike.
 */
export const retryDelayAfter = (attempt: number, delaySeconds: number, backoff: boolean) =>
  backoff ? delaySeconds * 2 ** Math.min(16, attempt - 1) * (1 + Math.random()) : delaySeconds;
