/**
 * Job handlers for the tests only, defined on a running Strapi by the test process and, when
 * ORDERS_TEST_JOBS is set, by a second app process (serve.js) or a process that dies on purpose
 * (jobs-crash.js). Each run is recorded in the table test_job_runs, so that runs in every process
 * on the test's database are counted. Plain JavaScript: serve.js loads it without a build step.
 *
 *   test.record  records its run; waits data.sleepMs after that when given
 *   test.flaky   fails until attempt data.succeedOn (retries up to 3, 1 s apart and backing off)
 *   test.broken  always fails (one retry, 1 s after the first attempt)
 *   test.tick    records its run; scheduled every second when asked
 *   test.slow    records its run; on its first attempt then waits data.hangMs or until aborted
 *   test.atomic  a oneTransaction job: in one transaction creates the customer "<data.label> <attempt>"
 *                and records its run, waits data.hangMs on its first attempt (or until aborted) when
 *                given, and fails until attempt data.succeedOn (retries up to 2, 1 s apart)
 *   test.gathered  a oneTransaction job gathering for 1 s: records its run labelled
 *                "<data.label> in <n>", n numbering the transactions it ran in; fails its first
 *                attempt when data.failFirst (one retry, 1 s after)
 */
const { EventEmitter } = require('events');

const RUNS = 'test_job_runs';

/**
 * Attempts of test.atomic begun in this process, by job id: on SQLite its claim is in the
 * attempt's transaction, which holds the one connection, so no query can tell a test it runs.
 */
const begun = new EventEmitter();
const begunIds = new Set();
/** Settles once an attempt of the job has begun in this process. */
const attemptBegun = (jobId) => (begunIds.has(jobId) ? Promise.resolve() : new Promise((resolve) => begun.once(jobId, resolve)));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits `ms`, or less when `signal` is aborted. */
const sleepUnlessAborted = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Defines the test jobs; with `schedule`, also runs test.tick every second. */
const defineTestJobs = async (strapi, { schedule = false } = {}) => {
  const db = strapi.db.connection;
  if (!(await db.schema.hasTable(RUNS))) {
    await db.schema.createTable(RUNS, (table) => {
      table.increments('id');
      table.string('name');
      table.string('job_id');
      table.string('label');
      table.integer('attempt');
      table.integer('pid');
      table.bigInteger('ran_at');
    });
  }
  const runOf = (job) => ({
    name: job.name,
    job_id: job.id,
    label: job.data?.label ?? null,
    attempt: job.attempt,
    pid: process.pid,
    ran_at: Date.now(),
  });
  const record = (job) => db(RUNS).insert(runOf(job));

  const jobs = strapi.plugin('orders').service('jobs');
  jobs.define(
    'test.record',
    async (job) => {
      await record(job);
      if (job.data?.sleepMs) await sleep(job.data.sleepMs);
    },
    { retryLimit: 0 }
  );
  jobs.define(
    'test.flaky',
    async (job) => {
      await record(job);
      if (job.attempt < job.data.succeedOn) throw new Error(`flaky failure on attempt ${job.attempt}`);
    },
    { retryLimit: 3, retryDelaySeconds: 1 }
  );
  jobs.define(
    'test.broken',
    async (job) => {
      await record(job);
      throw new Error(`broken on attempt ${job.attempt}`);
    },
    { retryLimit: 1, retryDelaySeconds: 1 }
  );
  jobs.define('test.tick', record, { retryLimit: 0 });
  jobs.define(
    'test.slow',
    async (job) => {
      await record(job);
      if (job.attempt === 1) await sleepUnlessAborted(job.data.hangMs, job.signal);
    },
    { retryLimit: 1, retryDelaySeconds: 1 }
  );
  jobs.define(
    'test.atomic',
    async (job) => {
      // One transaction of its own, that on SQLite joins the attempt's (which claimed the job in it).
      await strapi.db.transaction(async ({ trx }) => {
        await strapi.db.query('plugin::orders.customer').create({ data: { name: `${job.data.label} ${job.attempt}` } });
        await trx(RUNS).insert(runOf(job));
        begunIds.add(job.id);
        begun.emit(job.id);
        if (job.attempt === 1 && job.data.hangMs) await sleepUnlessAborted(job.data.hangMs, job.signal);
        if (job.signal.aborted) throw new Error('aborted');
        if (job.attempt < (job.data.succeedOn ?? 1)) throw new Error(`atomic failure on attempt ${job.attempt}`);
      });
    },
    { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false, oneTransaction: true }
  );
  const transactions = new WeakMap();
  jobs.define(
    'test.gathered',
    async (job) => {
      await strapi.db.transaction(async ({ trx }) => {
        if (!transactions.has(trx)) transactions.set(trx, (transactions.count = (transactions.count ?? 0) + 1));
        await trx(RUNS).insert({ ...runOf(job), label: `${job.data.label} in ${transactions.get(trx)}` });
        if (job.data.failFirst && job.attempt === 1) throw new Error('gathered failure on attempt 1');
      });
    },
    { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false, oneTransaction: true, gatherSeconds: 1 }
  );
  if (schedule) jobs.schedule('test.tick', { everySeconds: 1 }, { label: 'tick' });
  return jobs;
};

/** The recorded runs of a job name, oldest first, from every process. */
const runsOf = async (strapi, name) => {
  const rows = await strapi.db.connection(RUNS).where({ name }).orderBy('id');
  return rows.map((row) => ({ jobId: row.job_id, label: row.label, attempt: row.attempt, pid: row.pid, ranAt: Number(row.ran_at) }));
};

module.exports = { defineTestJobs, runsOf, attemptBegun };
