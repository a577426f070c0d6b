/**
 * Jobs on PostgreSQL, kept by pg-boss in its own schema: a job is taken with SELECT … FOR UPDATE
 * SKIP LOCKED, so it runs once however many app processes poll; a failed attempt is retried with
 * backoff by pg-boss's own SQL; its maintenance (run by one process at a time) fails attempts
 * whose process died once they outlive their expiry, and archives finished jobs.
 *
 * pg-boss speaks through a `db` adapter we give it, on Strapi's own knex pool: no pool of its own,
 * no settings of its own — the app's connection and pool size hold for jobs too. A job sent inside
 * a Strapi transaction is inserted on that transaction's connection.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import type { ClaimedJob, JobStore } from './store';
import type { JobError, JobListQuery, JobRecord, JobState } from './types';

/** pg-boss's tables live apart from Strapi's, in this schema. */
export const PG_BOSS_SCHEMA = 'orders_jobs';

/** A row of pg-boss's job (or archive) table, as the pg driver answers it: jsonb as text (see json). */
interface PgJobRow {
  id: string;
  name: string;
  data: unknown;
  state: string;
  singleton_key: string | null;
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  created_on: Date;
  start_after: Date;
  completed_on: Date | null;
  output: unknown;
}

/** The pg driver's client, under knex. */
interface PgConnection {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * pg-boss's SQL ($1-style placeholders, sometimes several statements in one BEGIN … COMMIT string)
 * sent straight to a pg connection of the knex pool: knex's raw() would read `?` as its own
 * placeholders. After an error it rolls back, so that no connection goes back to the pool stuck in
 * an aborted transaction (a failed multi-statement string leaves it so); outside a transaction the
 * ROLLBACK only warns.
 * Statements in flight are tracked so that close() can wait for them before Strapi ends the pool.
 */
const poolAdapter = (knex: Knex) => {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  const onConnection = async <T>(work: (connection: PgConnection) => Promise<T>): Promise<T> => {
    const connection: PgConnection = await knex.client.acquireConnection();
    try {
      return await work(connection);
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await knex.client.releaseConnection(connection);
    }
  };

  const track = <T>(statement: Promise<T>) => {
    inFlight.add(statement);
    statement.then(
      () => inFlight.delete(statement),
      () => inFlight.delete(statement)
    );
    return statement;
  };

  const query = <Row = Record<string, unknown>>(text: string, values?: unknown[]) =>
    track(onConnection((connection) => connection.query<Row>(text, values)));

  return {
    /** For pg-boss: after close() it answers what pg-boss's own Db does once its pool is closed, an empty result. */
    executeSql(text: string, values?: unknown[]) {
      return closed ? Promise.resolve({ rows: [] }) : query(text, values);
    },
    /** For our reads (get, list), which work as long as Strapi's pool does. */
    query,
    /** Runs `work` in a transaction of its own, on one connection of the pool. */
    transaction<T>(work: (connection: PgConnection) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('jobs: stopped'));
      return track(
        onConnection(async (connection) => {
          await connection.query('BEGIN');
          const result = await work(connection);
          await connection.query('COMMIT');
          return result;
        })
      );
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
};

/** The same, on the connection a knex transaction holds, so that the job commits or rolls back with it. */
const transactionAdapter = (trx: Knex.Transaction): PgBoss.Db => ({
  async executeSql(text: string, values: unknown[]) {
    if (trx.isCompleted()) throw new Error('jobs: the transaction this job was sent in has already ended');
    const connection: PgConnection = await trx.client.acquireConnection();
    return connection.query(text, values);
  },
});

const STATES: Record<string, JobState> = {
  created: 'waiting',
  retry: 'retrying',
  active: 'running',
  completed: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * pg-boss keeps a failed attempt's error as the job's output ({message, stack} as we throw it,
 * {value: {message}} when its maintenance expired the attempt); a succeeded job's output is what
 * succeed() leaves, {lastError}.
 */
const errorOf = (stored: unknown): JobError | null => {
  const output = json(stored) as { lastError?: JobError | null; message?: unknown; stack?: unknown; value?: { message?: unknown } } | null;
  if (!output) return null;
  if ('lastError' in output) return output.lastError ?? null;
  const message = output.message ?? output.value?.message ?? output.value;
  return message === undefined ? null : { message: String(message), stack: typeof output.stack === 'string' ? output.stack : null };
};

const date = (value: unknown) => (value ? new Date(value as string) : null);

/** Strapi turns off pg's parsing of jsonb, for every connection of the process: it arrives as text. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const COLUMNS = `id, name, data, state, singleton_key, retry_count, retry_limit, started_on, created_on, start_after, completed_on, output`;

const toRecord = (row: PgJobRow): JobRecord => ({
  id: row.id,
  name: row.name,
  data: json(row.data),
  key: row.singleton_key === row.id ? null : row.singleton_key,
  state: STATES[row.state] ?? 'failed',
  attempts: row.started_on ? Number(row.retry_count) + 1 : 0,
  retryLimit: Number(row.retry_limit),
  lastError: errorOf(row.output),
  createdAt: new Date(row.created_on),
  startAfter: new Date(row.start_after),
  startedAt: date(row.started_on),
  finishedAt: row.state === 'completed' || row.state === 'failed' || row.state === 'cancelled' ? date(row.completed_on) : null,
});

/**
 * The PostgreSQL store: pg-boss on Strapi's pool, its tables in the schema orders_jobs, each job
 * name a pg-boss queue of policy "short" (one waiting job per key).
 */
export const createPgBossStore = (strapi: Core.Strapi): JobStore => {
  const pool = poolAdapter(strapi.db.connection);
  const boss = new PgBoss({
    db: { executeSql: pool.executeSql } as PgBoss.Db,
    schema: PG_BOSS_SCHEMA,
    // Schedules are ours (index.ts): pg-boss's cron runs once a minute at the finest, one per queue.
    schedule: false,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error) => strapi.log.error(`jobs: pg-boss: ${error.message}`));

  /** One page of job ∪ archive: a finished job moves to the archive after 12 hours, and is dropped 7 days later. */
  const select = async (where: string, values: unknown[], limit: number) => {
    const { rows } = await pool.query<PgJobRow>(
      `SELECT * FROM (
         SELECT ${COLUMNS} FROM ${PG_BOSS_SCHEMA}.job WHERE ${where}
         UNION ALL
         SELECT ${COLUMNS} FROM ${PG_BOSS_SCHEMA}.archive WHERE ${where}
       ) jobs ORDER BY created_on DESC, id LIMIT ${Number(limit)}`,
      values
    );
    return rows.map(toRecord);
  };

  return {
    async open() {
      await boss.start();
    },

    async prepare(name) {
      if (await boss.getQueue(name)) return;
      // pg-boss's createQueue adds a partition and its foreign keys: two at once deadlock, in one
      // process or across several starting together. An advisory lock takes them one at a time.
      await pool.transaction(async (connection) => {
        await connection.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${PG_BOSS_SCHEMA}.create_queue`]);
        // "short": at most one job per (name, key) waits to start — our dedupe key.
        await connection.query(`SELECT ${PG_BOSS_SCHEMA}.create_queue($1, $2)`, [name, JSON.stringify({ policy: 'short' })]);
      });
    },

    async enqueue(job, trx) {
      const id = await boss.send(job.name, job.data as unknown as object, {
        id: job.id,
        singletonKey: job.key ?? job.id,
        ...(job.startAfter ? { startAfter: job.startAfter } : {}),
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: job.retryBackoff,
        expireInSeconds: job.expireInSeconds,
        ...(trx ? { db: transactionAdapter(trx) } : {}),
      });
      return id !== null;
    },

    async claim(name) {
      const [job] = (await boss.fetch(name, { includeMetadata: true, batchSize: 1 })) as PgBoss.JobWithMetadata[];
      if (!job) return null;
      return {
        id: job.id,
        name: job.name,
        data: json(job.data),
        attempt: job.retryCount + 1,
        retryLimit: job.retryLimit,
        retryDelaySeconds: job.retryDelay,
        retryBackoff: job.retryBackoff,
        expireInSeconds: Number(job.expireInSeconds),
        lastError: errorOf(job.output),
      };
    },

    async succeed(job: ClaimedJob) {
      await boss.complete(job.name, job.id, { lastError: job.lastError });
    },

    async fail(job, error) {
      await boss.fail(job.name, job.id, { message: error.message, stack: error.stack });
    },

    async get(name, id) {
      const [record] = await select('name = $1 AND id = $2', [name, id], 1);
      return record ?? null;
    },

    async list(name, { state, limit = 100 }: JobListQuery) {
      const stored = state ? Object.keys(STATES).find((key) => STATES[key] === state) : undefined;
      return stored ? select('name = $1 AND state = $2', [name, stored], limit) : select('name = $1', [name], limit);
    },

    async close() {
      await boss.stop({ graceful: false, close: false });
      await pool.close();
    },
  };
};
