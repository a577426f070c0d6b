/**
 * Jobs on SQLite, where the app runs as one process: kept in the table orders_jobs, so that they
 * survive a restart and a job sent inside a transaction commits or rolls back with it.
 *
 * A plain table the plugin creates, not a content type: its dedupe rule — one waiting job per
 * (name, key) — is a partial unique index that a schema.json cannot declare; jobs are the engine's
 * bookkeeping, not content (no documentId, locale or publication, nothing for the Content Manager
 * or the Document Service); and on PostgreSQL, where pg-boss keeps the jobs, a content type would
 * leave an empty twin table behind. Strapi leaves tables it did not create alone.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { retryDelayAfter, type ClaimedJob, type JobStore } from './store';
import type { JobError, JobListQuery, JobRecord, JobState } from './types';

/** The table SQLite keeps jobs in. */
export const JOBS_TABLE = 'orders_jobs';

/** Finished jobs are kept this long, as pg-boss keeps them (12 hours, then 7 days in its archive). */
const KEEP_FINISHED_MS = 7.5 * 24 * 3600 * 1000;
const CLEAN_EVERY_MS = 3600 * 1000;

/** A row of orders_jobs as SQLite answers it: times in epoch milliseconds, JSON as text. */
interface JobRow {
  id: string;
  name: string;
  data: string;
  state: JobState;
  singleton_key: string;
  attempts: number;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: number;
  expire_in: number;
  created_at: number;
  start_after: number;
  started_at: number | null;
  finished_at: number | null;
  last_error: string | null;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ${JOBS_TABLE} (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL,
    singleton_key TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_limit INTEGER NOT NULL,
    retry_delay INTEGER NOT NULL,
    retry_backoff INTEGER NOT NULL,
    expire_in INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    start_after INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    last_error TEXT
  )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${JOBS_TABLE}_waiting_key ON ${JOBS_TABLE} (name, singleton_key) WHERE state = 'waiting'`,
  `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_due ON ${JOBS_TABLE} (name, state, start_after)`,
  `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_finished ON ${JOBS_TABLE} (finished_at)`,
];

const date = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)));

const toRecord = (row: JobRow): JobRecord => ({
  id: row.id,
  name: row.name,
  data: JSON.parse(row.data),
  key: row.singleton_key === row.id ? null : row.singleton_key,
  state: row.state as JobState,
  attempts: Number(row.attempts),
  retryLimit: Number(row.retry_limit),
  lastError: row.last_error ? (JSON.parse(row.last_error) as JobError) : null,
  createdAt: new Date(Number(row.created_at)),
  startAfter: new Date(Number(row.start_after)),
  startedAt: date(row.started_at),
  finishedAt: date(row.finished_at),
});

/** The SQLite store: the table orders_jobs, written through Strapi's knex (on the caller's transaction when sent in one). */
export const createSqliteStore = (strapi: Core.Strapi): JobStore => {
  const db = () => strapi.db.connection;
  let cleaner: NodeJS.Timeout | null = null;

  const clean = async () => {
    await db().raw(`DELETE FROM ${JOBS_TABLE} WHERE finished_at < ?`, [Date.now() - KEEP_FINISHED_MS]);
  };

  /**
   * Ends a failed attempt: the job retries after its backoff while its retryLimit allows, else ends
   * failed. `claimed`: whether the attempt's claim committed (the row is running); when it rolled
   * back with its work (claimAndDo), the row is waiting or retrying still and the attempt is counted here.
   */
  const fail = async (
    job: Pick<ClaimedJob, 'id' | 'attempt' | 'retryLimit' | 'retryDelaySeconds' | 'retryBackoff'>,
    error: JobError,
    claimed = true
  ) => {
    const now = Date.now();
    const lastError = JSON.stringify(error);
    const from = claimed ? `state = 'running'` : `state IN ('waiting', 'retrying')`;
    const counted = claimed ? '' : ', attempts = ?, started_at = ?';
    const counts = claimed ? [] : [job.attempt, now];
    if (job.attempt > job.retryLimit) {
      await db().raw(`UPDATE ${JOBS_TABLE} SET state = 'failed', finished_at = ?, last_error = ?${counted} WHERE id = ? AND ${from}`, [
        now,
        lastError,
        ...counts,
        job.id,
      ]);
    } else {
      const startAfter = now + Math.round(retryDelayAfter(job.attempt, job.retryDelaySeconds, job.retryBackoff) * 1000);
      await db().raw(`UPDATE ${JOBS_TABLE} SET state = 'retrying', start_after = ?, last_error = ?${counted} WHERE id = ? AND ${from}`, [
        startAfter,
        lastError,
        ...counts,
        job.id,
      ]);
    }
  };

  /**
   * Claims the oldest due job of this name; with `burstMs`, the oldest waiting one sent by now whose
   * wait ends within that much — the rest of a gathering job's burst, a few milliseconds behind the
   * first to come due. A retry still waits out its delay.
   */
  const claimOn = async (executor: Knex | Knex.Transaction, name: string, burstMs = 0): Promise<ClaimedJob | null> => {
    const now = Date.now();
    const due = burstMs ? `(start_after <= ? OR (state = 'waiting' AND start_after <= ?))` : 'start_after <= ?';
    const [row]: JobRow[] = await executor.raw(
      `UPDATE ${JOBS_TABLE} SET state = 'running', attempts = attempts + 1, started_at = ?
       WHERE id = (
         SELECT id FROM ${JOBS_TABLE}
         WHERE name = ? AND state IN ('waiting', 'retrying') AND ${due}
         ORDER BY created_at, rowid LIMIT 1
       )
       RETURNING *`,
      [now, name, now, ...(burstMs ? [now + burstMs] : [])]
    );
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      data: JSON.parse(row.data),
      attempt: Number(row.attempts),
      retryLimit: Number(row.retry_limit),
      retryDelaySeconds: Number(row.retry_delay),
      retryBackoff: Boolean(row.retry_backoff),
      expireInSeconds: Number(row.expire_in),
      lastError: row.last_error ? JSON.parse(row.last_error) : null,
    };
  };

  const succeedOn = async (executor: Knex | Knex.Transaction, job: ClaimedJob) => {
    await executor.raw(`UPDATE ${JOBS_TABLE} SET state = 'succeeded', finished_at = ? WHERE id = ? AND state = 'running'`, [
      Date.now(),
      job.id,
    ]);
  };

  return {
    async open() {
      for (const statement of SCHEMA) await db().raw(statement);
      // One process: a job still running at start was running when the app stopped or died.
      const interrupted: JobRow[] = await db().raw(
        `SELECT id, attempts, retry_limit, retry_delay, retry_backoff FROM ${JOBS_TABLE} WHERE state = 'running'`
      );
      for (const row of interrupted) {
        await fail(
          {
            id: row.id,
            attempt: Number(row.attempts),
            retryLimit: Number(row.retry_limit),
            retryDelaySeconds: Number(row.retry_delay),
            retryBackoff: Boolean(row.retry_backoff),
          },
          { message: 'the app stopped while this job ran', stack: null }
        );
      }
      await clean();
      cleaner = setInterval(
        () => clean().catch((error) => strapi.log.warn(`jobs: cleaning old jobs failed: ${error.message}`)),
        CLEAN_EVERY_MS
      );
      cleaner.unref();
    },

    async prepare() {},

    async enqueue(job, trx) {
      const now = Date.now();
      const rows: Array<Pick<JobRow, 'id'>> = await (trx ?? db()).raw(
        `INSERT INTO ${JOBS_TABLE}
           (id, name, data, state, singleton_key, retry_limit, retry_delay, retry_backoff, expire_in, created_at, start_after)
         VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          job.id,
          job.name,
          job.data,
          job.key ?? job.id,
          job.retryLimit,
          job.retryDelaySeconds,
          job.retryBackoff ? 1 : 0,
          job.expireInSeconds,
          now,
          job.startAfter ? job.startAfter.getTime() : now,
        ]
      );
      return rows.length === 1;
    },

    claim: (name) => claimOn(db(), name),

    async succeed(job) {
      await succeedOn(db(), job);
    },

    async claimAndDo(name, work, most, burstMs = 0) {
      const done: ClaimedJob[] = [];
      let current: ClaimedJob | null = null;
      try {
        await strapi.db.transaction(async ({ trx }) => {
          while (done.length < most && (current = await claimOn(trx, name, done.length ? burstMs : 0))) {
            await work(current);
            await succeedOn(trx, current);
            done.push(current);
            current = null;
          }
        });
      } catch (failure) {
        // Nothing claimed: looking for a job failed, as claim() would throw.
        if (!current) throw failure;
        return { done: [], failed: { job: current, failure } };
      }
      return done.length ? { done, failed: null } : null;
    },

    failRolledBack: (job, error) => fail(job, error, false),

    fail: (job, error) => fail(job, error),

    async get(name, id) {
      const [row]: JobRow[] = await db().raw(`SELECT * FROM ${JOBS_TABLE} WHERE name = ? AND id = ?`, [name, id]);
      return row ? toRecord(row) : null;
    },

    async list(name, { state, limit = 100 }: JobListQuery) {
      const rows: JobRow[] = state
        ? await db().raw(`SELECT * FROM ${JOBS_TABLE} WHERE name = ? AND state = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`, [
            name,
            state,
            limit,
          ])
        : await db().raw(`SELECT * FROM ${JOBS_TABLE} WHERE name = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`, [name, limit]);
      return rows.map(toRecord);
    },

    async close() {
      if (cleaner) clearInterval(cleaner);
      cleaner = null;
    },
  };
};
