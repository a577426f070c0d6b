/**
 * One job interface for work that runs after commit, is retried, or runs on a schedule — the
 * plugin service `jobs` (`strapi.plugin('orders').service('jobs')`).
 *
 * A feature defines its job names with their handlers at register or bootstrap time, sends jobs
 * (inside the engine's transaction when the work follows from a change: the job then commits or
 * rolls back with it) and declares schedules. On PostgreSQL pg-boss keeps the jobs and several
 * app processes share them, each job running once; on SQLite, one process, a table of ours does.
 * Each process polls for due jobs, one loop per job name, and runs them here.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createPgBossStore } from './pg-boss-store';
import { createTimetable } from './timetable';
import { createSqliteStore } from './sqlite-store';
import { jobErrorOf, type ClaimedJob, type JobStore } from './store';
import type { JobHandler, JobListQuery, JobOptions, JobRecord, ScheduleOptions, ScheduleWhen, SendOptions } from './types';

export type * from './types';

/** The plugin's `jobs` configuration (config/plugins.ts: `orders.config.jobs`). */
export interface JobsConfig {
  /**
   * Whether this process runs jobs and fires schedules. False leaves it sending only — e.g. a
   * process that only serves requests beside others that work. Default true.
   */
  work: boolean;
  /** How often an idle process asks the database for due jobs of each name. Default 2. */
  pollingIntervalSeconds: number;
}

export const DEFAULT_JOBS_CONFIG: JobsConfig = { work: true, pollingIntervalSeconds: 2 };

const DEFAULT_OPTIONS: Required<JobOptions> = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 900,
  oneTransaction: false,
  gatherSeconds: 0,
};

/** The most jobs one gathering attempt does in its transaction. */
const GATHERED_AT_MOST = 100;

/** How long stop() waits for running attempts before it records them as failed by the stop. */
const STOP_GRACE_SECONDS = 10;
const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

interface Definition {
  name: string;
  /** Its data's type is the definer's: the runner hands each job the data it was sent with. */
  handler: JobHandler<object | null>;
  options: Required<JobOptions>;
  /** Settles once the store is ready for this name's jobs. */
  ready: Promise<void> | null;
  loop: Promise<void> | null;
  /** Set when a job may have become due while the loop was busy, so that it does not go to sleep. */
  woken: boolean;
  /** Ends the loop's sleep early. */
  wake: (() => void) | null;
  /** The wake set for when the earliest job sent with a delay becomes due. */
  dueWake: { at: number; timer: NodeJS.Timeout } | null;
}

interface Attempt {
  job: ClaimedJob;
  controller: AbortController;
  /** Set by stop() once it has recorded the attempt as failed: the attempt's own outcome no longer counts. */
  abandoned: boolean;
  /** Claimed in the transaction it works in (claimAndDo): stop() ends it by rolling that back, not by recording it. */
  inTransaction: boolean;
  /** Settles once such an attempt's failure is recorded. */
  finished?: Promise<void>;
}

const STOPPED = 'the app stopped while this job ran';

const wholeAtLeast = (value: number, least: number, what: string) => {
  if (!Number.isInteger(value) || value < least) throw new Error(`jobs: ${what} must be a whole number, at least ${least} (not ${value})`);
  return value;
};

const optionsOf = (name: string, options: JobOptions): Required<JobOptions> => {
  const merged = { ...DEFAULT_OPTIONS, ...options };
  wholeAtLeast(merged.retryLimit, 0, `${name}: retryLimit`);
  wholeAtLeast(merged.retryDelaySeconds, 1, `${name}: retryDelaySeconds`);
  if (merged.gatherSeconds && !merged.oneTransaction) throw new Error(`jobs: ${name}: gatherSeconds needs oneTransaction`);
  // pg-boss refuses an expiry of a day or more.
  if (wholeAtLeast(merged.expireInSeconds, 1, `${name}: expireInSeconds`) >= 24 * 3600) {
    throw new Error(`jobs: ${name}: expireInSeconds must be under a day`);
  }
  return merged;
};

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** The `jobs` service. */
export const createJobs = (strapi: Core.Strapi) => {
  // Taken now, outside any request or transaction: loops and schedule timers start from it, so
  // that a handler never runs inside the transaction of the code that defined or scheduled it.
  const outside = AsyncLocalStorage.snapshot();
  const definitions = new Map<string, Definition>();
  const attempts = new Set<Attempt>();
  let store: JobStore | null = null;
  let config = DEFAULT_JOBS_CONFIG;
  let stopping = false;

  const working = () => store !== null && config.work && !stopping;

  const definitionOf = (name: string) => {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`jobs: no job is defined as "${name}" (define it with jobs.define first)`);
    return definition;
  };

  const prepare = (definition: Definition) => {
    definition.ready = store!.prepare(definition.name);
    // A failure shows in every send of the name, which awaits it; here it only must not go unhandled.
    definition.ready.catch((error) => strapi.log.error(`jobs: could not prepare "${definition.name}": ${error.message}`));
  };

  const wake = (name: string) => {
    const definition = definitions.get(name);
    if (!definition) return;
    definition.woken = true;
    definition.wake?.();
  };

  /**
   * Wakes the name's loop when a job just sent is due: at once, or at its startAfter — not at
   * once to find nothing due (a gathering job's burst would wake it for every send), nor only at
   * the next poll. One timer per name, for the earliest.
   */
  const wakeWhenDue = (name: string, startAfter: Date | null) => {
    const definition = definitions.get(name);
    const at = startAfter?.getTime() ?? 0;
    if (!definition || at <= Date.now()) return wake(name);
    if (definition.dueWake && definition.dueWake.at <= at) return;
    if (definition.dueWake) clearTimeout(definition.dueWake.timer);
    const timer = setTimeout(() => {
      definition.dueWake = null;
      wake(name);
    }, at - Date.now());
    timer.unref();
    definition.dueWake = { at, timer };
  };

  const sleep = (definition: Definition) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        definition.wake = null;
        resolve();
      };
      const timer = setTimeout(done, config.pollingIntervalSeconds * 1000);
      timer.unref();
      definition.wake = done;
    });

  /**
   * Runs the handler of one attempt until it settles or expires — or, for an attempt in its own
   * transaction, until stop() aborts it, so that the rollback frees SQLite's writer. Answers what
   * it threw, or null.
   */
  const perform = async (definition: Definition, running: Attempt): Promise<unknown> => {
    const { job, controller } = running;
    let timer: NodeJS.Timeout | undefined;
    const ended = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the attempt ran longer than ${job.expireInSeconds}s`)), job.expireInSeconds * 1000);
      // A handler that hangs past stop() must not keep the process alive for its expiry.
      timer.unref();
      if (running.inTransaction) controller.signal.addEventListener('abort', () => reject(new Error(STOPPED)));
    });
    attempts.add(running);
    try {
      // The data is what send() stored for this name, of its definer's type.
      const data = job.data as object | null;
      const context = { id: job.id, name: job.name, data, attempt: job.attempt, signal: controller.signal };
      await Promise.race([Promise.resolve().then(() => definition.handler(context)), ended]);
      return null;
    } catch (error) {
      return error ?? new Error('the handler threw nothing');
    } finally {
      clearTimeout(timer);
      attempts.delete(running);
    }
  };

  /** Records a failed attempt; `claimed`: whether its claim committed (it did not when it rolled back with its work). */
  const recordFailure = async (running: Attempt, failure: unknown, claimed: boolean) => {
    const { job } = running;
    running.controller.abort();
    const error = jobErrorOf(failure);
    const next = job.attempt > job.retryLimit ? 'it has failed for good' : 'it will be retried';
    strapi.log.warn(`jobs: ${job.name} ${job.id} failed on attempt ${job.attempt}, ${next}: ${error.message}`);
    await (claimed ? store!.fail(job, error) : store!.failRolledBack!(job, error));
  };

  /** Runs one claimed attempt and records its outcome; never throws. */
  const attempt = async (definition: Definition, job: ClaimedJob) => {
    const running: Attempt = { job, controller: new AbortController(), abandoned: false, inTransaction: false };
    const failure = await perform(definition, running);
    if (running.abandoned) return;
    try {
      if (failure === null) await store!.succeed(job);
      else await recordFailure(running, failure, true);
    } catch (error) {
      strapi.log.error(`jobs: could not record the outcome of ${job.name} ${job.id}: ${(error as Error).message}`);
    }
  };

  /** Whether this name's jobs are claimed, done and recorded in the transaction of their work (SQLite). */
  const inOne = (definition: Definition) => definition.options.oneTransaction && store?.claimAndDo !== undefined;

  /**
   * Claims, runs and succeeds one job in one transaction (a oneTransaction job on SQLite) — every
   * due one, when the job gathers; a failure, rolled back with the claims, is recorded after.
   * Answers whether a job was due.
   */
  const attemptInOne = async (definition: Definition) => {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const taken: { running?: Attempt } = {};
    const most = definition.options.gatherSeconds ? GATHERED_AT_MOST : 1;
    try {
      const outcome = await store!.claimAndDo!(
        definition.name,
        async (job) => {
          taken.running = { job, controller: new AbortController(), abandoned: false, inTransaction: true, finished };
          const failure = await perform(definition, taken.running);
          if (failure !== null) throw failure;
        },
        most,
        // The burst's later sends come due a few milliseconds after the first: they go with it.
        (definition.options.gatherSeconds ?? 0) * 1000
      );
      const failed = outcome?.failed;
      if (failed) {
        await recordFailure(taken.running!, failed.failure, false).catch((error) =>
          strapi.log.error(`jobs: could not record the outcome of ${failed.job.name} ${failed.job.id}: ${error.message}`)
        );
      }
      return outcome !== null;
    } finally {
      finish();
    }
  };

  /** Takes the oldest due job of this name, if there is one, and runs it; answers whether there was one. */
  const next = async (definition: Definition) => {
    if (inOne(definition)) return attemptInOne(definition);
    const job = await store!.claim(definition.name);
    if (job) await attempt(definition, job);
    return job !== null;
  };

  /** Takes this name's due jobs one at a time until stop(); sleeps while there are none. */
  const work = async (definition: Definition) => {
    try {
      await definition.ready;
    } catch {
      return;
    }
    while (!stopping) {
      definition.woken = false;
      let found = false;
      try {
        found = await next(definition);
      } catch (error) {
        if (!stopping) strapi.log.warn(`jobs: could not look for "${definition.name}" jobs: ${(error as Error).message}`);
      }
      if (!found && !definition.woken && !stopping) await sleep(definition);
    }
  };

  const startWorking = (definition: Definition) => {
    if (working() && !definition.loop) definition.loop = outside(() => work(definition));
  };

  const enqueue = async (
    definition: Definition,
    job: { id: string; data: unknown; key: string | null; startAfter: Date | null },
    trx: Knex.Transaction | null
  ) => {
    if (!store) throw new Error(`jobs: cannot send "${definition.name}" before the plugin's bootstrap has started the jobs`);
    if (stopping) throw new Error(`jobs: cannot send "${definition.name}": the app is stopping`);
    await definition.ready;
    const { retryLimit, retryDelaySeconds, retryBackoff, expireInSeconds } = definition.options;
    return store.enqueue(
      {
        id: job.id,
        name: definition.name,
        data: JSON.stringify(job.data ?? null),
        key: job.key,
        startAfter: job.startAfter,
        retryLimit,
        retryDelaySeconds,
        retryBackoff,
        expireInSeconds,
      },
      trx
    );
  };

  const timetable = createTimetable({
    working,
    send: (name, id, data, key) =>
      enqueue(definitionOf(name), { id, data, key, startAfter: null }, null).then((sent) => sent && wake(name)),
    failed: (name, error) => strapi.log.error(`jobs: could not send the scheduled "${name}": ${error.message}`),
  });

  return {
    /**
     * Registers the handler of a job name, with how its jobs are retried and timed out. Call it
     * at register or bootstrap time, in every process (each runs the jobs it finds due). Names are
     * lowercase words joined by dashes and dots, feature first: `documents.render`.
     */
    define<Data extends object | null = Record<string, unknown>>(name: string, handler: JobHandler<Data>, options: JobOptions = {}): void {
      if (!NAME.test(name) || name.length > 100)
        throw new Error(`jobs: "${name}" is no job name (lowercase words joined by - and ., e.g. documents.render)`);
      if (definitions.has(name)) throw new Error(`jobs: "${name}" is defined already`);
      const definition: Definition = {
        name,
        handler: handler as JobHandler<object | null>,
        options: optionsOf(name, options),
        ready: null,
        loop: null,
        woken: false,
        wake: null,
        dueWake: null,
      };
      definitions.set(name, definition);
      if (store) {
        prepare(definition);
        startWorking(definition);
      }
    },

    /**
     * Sends a job. Inside `strapi.db.transaction(…)` it is written in that transaction: it is seen,
     * and runs, only once the transaction commits, and never if it rolls back. Outside one it is
     * written at once. Answers the job's id, or null when `key` found a waiting job of the same
     * name with that key. The data is stored as JSON.
     */
    async send<Data extends object | null = Record<string, unknown>>(
      name: string,
      data: Data,
      options: SendOptions = {}
    ): Promise<string | null> {
      const definition = definitionOf(name);
      const { key = null } = options;
      // A gathering job waits for the others its burst sends (types.ts).
      const startAfter = options.startAfter ?? (inOne(definition) ? definition.options.gatherSeconds : 0);
      const job = {
        id: randomUUID(),
        data,
        key,
        startAfter: typeof startAfter === 'number' ? (startAfter > 0 ? new Date(Date.now() + startAfter * 1000) : null) : startAfter,
      };
      if (strapi.db.inTransaction()) {
        // A nested strapi.db.transaction joins the caller's (kept in AsyncLocalStorage) and commits nothing itself.
        return strapi.db.transaction(async ({ trx, onCommit }: { trx: Knex.Transaction; onCommit: (callback: () => void) => void }) => {
          const sent = await enqueue(definition, job, trx);
          if (sent) onCommit(() => wakeWhenDue(name, job.startAfter));
          return sent ? job.id : null;
        });
      }
      const sent = await enqueue(definition, job, null);
      if (sent) wakeWhenDue(name, job.startAfter);
      return sent ? job.id : null;
    },

    /**
     * Runs a defined job on a schedule, with this data, once per occurrence across all app
     * processes (each process declares the same schedules from its code; the database keeps one
     * job per occurrence). An occurrence missed while no process ran is not made up, except one
     * under a minute old at start. A scheduled job whose previous occurrence still waits is
     * skipped. Declaring a schedule of the same name and key again replaces it.
     */
    schedule<Data extends object | null = Record<string, unknown>>(
      name: string,
      when: ScheduleWhen,
      data?: Data,
      options: ScheduleOptions = {}
    ): void {
      definitionOf(name);
      outside(() => timetable.declare(name, options.key ?? '', when, data));
    },

    /** Stops a schedule declared with schedule(); jobs it already sent still run. */
    unschedule(name: string, options: ScheduleOptions = {}): void {
      timetable.remove(name, options.key ?? '');
    },

    /** One job of a name, as the database holds it now, or null. */
    async get(name: string, id: string): Promise<JobRecord | null> {
      if (!store) throw new Error('jobs: not started');
      return store.get(name, id);
    },

    /** Jobs of a name, newest first (finished ones are kept some 7 days). */
    async list(name: string, query: JobListQuery = {}): Promise<JobRecord[]> {
      if (!store) throw new Error('jobs: not started');
      return store.list(name, query);
    },

    /**
     * Opens the store (pg-boss's schema on PostgreSQL, the jobs table on SQLite) and, unless the
     * configuration says `work: false`, starts taking due jobs and firing schedules. The plugin's
     * bootstrap calls it.
     */
    async start(): Promise<void> {
      if (store) return;
      config = { ...DEFAULT_JOBS_CONFIG, ...(strapi.plugin('orders').config('jobs') as Partial<JobsConfig> | undefined) };
      const opening = isPostgres(strapi) ? createPgBossStore(strapi) : createSqliteStore(strapi);
      await opening.open();
      store = opening;
      for (const definition of definitions.values()) {
        prepare(definition);
        startWorking(definition);
      }
      outside(() => timetable.armAll());
    },

    /**
     * Stops taking jobs and firing schedules, waits up to `graceSeconds` (default 10) for running
     * attempts, records the ones still running as failed by the stop (they are retried, and their
     * signal is aborted), and closes the store. The plugin's destroy calls it, before Strapi
     * closes the database.
     */
    async stop({ graceSeconds = STOP_GRACE_SECONDS }: { graceSeconds?: number } = {}): Promise<void> {
      if (!store || stopping) return;
      stopping = true;
      timetable.disarmAll();
      definitions.forEach((definition) => {
        if (definition.dueWake) clearTimeout(definition.dueWake.timer);
        definition.wake?.();
      });
      const loops = Promise.allSettled([...definitions.values()].map((definition) => definition.loop));
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = await Promise.race([
        loops.then(() => false),
        new Promise<boolean>((resolve) => (graceTimer = setTimeout(() => resolve(true), graceSeconds * 1000))),
      ]);
      clearTimeout(graceTimer);
      if (graceOver) {
        const rollingBack = [...attempts].flatMap((running) => (running.finished ? [running.finished] : []));
        for (const running of attempts) {
          running.controller.abort();
          // Its abort rolls its transaction back, and its loop records the failure before it ends.
          if (running.inTransaction) continue;
          running.abandoned = true;
          await store
            .fail(running.job, { message: STOPPED, stack: null })
            .catch((error) =>
              strapi.log.error(`jobs: could not record ${running.job.name} ${running.job.id} as stopped: ${error.message}`)
            );
        }
        await Promise.all(rollingBack);
      }
      await store.close();
    },
  };
};

export type Jobs = ReturnType<typeof createJobs>;

/** The service factory Strapi calls. */
export default ({ strapi }: { strapi: Core.Strapi }) => createJobs(strapi);
