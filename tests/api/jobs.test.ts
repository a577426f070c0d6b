/**
 * The job interface (core/jobs) on a real Strapi and database: jobs sent in a transaction run
 * after it commits and never when it rolls back, failing jobs retry with growing delays and keep
 * their last error, schedules run; on PostgreSQL, with a second app process on the same database,
 * every job runs once and a schedule once per period across both.
 */
import type { Core } from '@strapi/strapi';
import { usesPostgres } from '../helpers/database';
import { startSecondProcess, type SecondProcess } from '../helpers/second-process';
import { startApp, type TestApp } from '../helpers/strapi';
// Plain JavaScript, shared with serve.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defineTestJobs, runsOf } = require('../helpers/test-jobs') as {
  defineTestJobs(strapi: Core.Strapi, options?: { schedule?: boolean }): Promise<Jobs>;
  runsOf(
    strapi: Core.Strapi,
    name: string
  ): Promise<Array<{ jobId: string; label: string | null; attempt: number; pid: number; ranAt: number }>>;
};
import type { Jobs, JobRecord } from '../../src/plugins/orders/server/src/core/jobs';
import { eventually, sleep } from '../helpers/eventually';

let app: TestApp;
let jobs: Jobs;
beforeAll(async () => {
  app = await startApp();
  jobs = await defineTestJobs(app.strapi);
});
afterAll(() => app?.stop());

const runs = (name: string) => runsOf(app.strapi, name);
const labelled = async (label: string) => (await runs('test.record')).filter((run) => run.label === label);
const job = async (name: string, id: string) => (await jobs.get(name, id)) as JobRecord;
/** A change of the plugin's, written through the query engine and so in the caller's transaction. */
const createCustomer = (name: string) => app.strapi.db.query('plugin::orders.customer').create({ data: { name } });
const customerNamed = (name: string) => app.strapi.db.query('plugin::orders.customer').findOne({ where: { name } });

test('a job sent in a transaction runs once the transaction has committed, not before', async () => {
  let lastMomentBeforeCommit = 0;
  let visibleInside: JobRecord | null | undefined;
  const id = await app.strapi.db.transaction(async () => {
    await createCustomer('Committed with its job');
    const sent = await jobs.send('test.record', { label: 'committed' });
    // Longer than two polls: a job seen before commit would have run by now.
    await sleep(1200);
    // Outside the transaction (another connection) the job is not there yet. SQLite has one
    // connection, held by this transaction: there nothing outside it can even look.
    if (usesPostgres()) visibleInside = await jobs.get('test.record', sent!);
    lastMomentBeforeCommit = Date.now();
    return sent;
  });
  expect(id).toEqual(expect.any(String));
  if (usesPostgres()) expect(visibleInside).toBeNull();

  const [run] = await eventually(() => labelled('committed').then((found) => found.length > 0 && found));
  expect(run.ranAt).toBeGreaterThanOrEqual(lastMomentBeforeCommit);
  expect(run.jobId).toBe(id);
  expect(await customerNamed('Committed with its job')).not.toBeNull();
  expect(await job('test.record', id!)).toMatchObject({ state: 'succeeded', attempts: 1, lastError: null, data: { label: 'committed' } });
});

test('a job sent in a transaction that rolls back never runs, and neither is the change kept', async () => {
  await expect(
    app.strapi.db.transaction(async () => {
      await createCustomer('Rolled back with its job');
      await jobs.send('test.record', { label: 'rolled back' });
      throw new Error('something later in the transaction failed');
    })
  ).rejects.toThrow('something later in the transaction failed');

  // One loop takes a name's jobs oldest first: once a job sent after it has run, the rolled-back
  // one would have run too, had it been written.
  const after = await jobs.send('test.record', { label: 'after the rollback' });
  await eventually(() => labelled('after the rollback').then((found) => found.length > 0));
  expect(await labelled('rolled back')).toEqual([]);
  expect((await jobs.list('test.record')).map((record) => (record.data as { label: string }).label)).not.toContain('rolled back');
  expect(await customerNamed('Rolled back with its job')).toBeNull();
  expect(await job('test.record', after!)).toMatchObject({ state: 'succeeded' });
});

test('outside a transaction a job is written at once', async () => {
  const id = await jobs.send('test.record', { label: 'later' }, { startAfter: 3600 });
  const record = await job('test.record', id!);
  expect(record).toMatchObject({ state: 'waiting', attempts: 0, key: null });
  expect(record.startAfter.getTime()).toBeGreaterThan(Date.now() + 3500_000);
});

test('a key keeps a second job of the same name from waiting beside the first', async () => {
  const first = await jobs.send('test.record', { label: 'keyed' }, { key: 'order-1', startAfter: 3600 });
  expect(first).toEqual(expect.any(String));
  expect(await jobs.send('test.record', { label: 'keyed again' }, { key: 'order-1' })).toBeNull();
  expect(await jobs.send('test.record', { label: 'other key' }, { key: 'order-2', startAfter: 3600 })).toEqual(expect.any(String));
  expect(await job('test.record', first!)).toMatchObject({ state: 'waiting', key: 'order-1' });
});

test('a job that fails twice runs three times, waiting longer before each retry, and keeps its last error', async () => {
  const id = (await jobs.send('test.flaky', { succeedOn: 3 }))!;

  const retrying = await eventually(async () => {
    const record = await job('test.flaky', id);
    return record.state === 'retrying' && record.attempts === 2 && record;
  });
  expect(retrying.lastError).toMatchObject({ message: 'flaky failure on attempt 2' });
  expect(retrying.finishedAt).toBeNull();

  const done = await eventually(async () => {
    const record = await job('test.flaky', id);
    return record.state === 'succeeded' && record;
  });
  expect(done).toMatchObject({ attempts: 3, lastError: { message: 'flaky failure on attempt 2' } });

  const flaky = (await runs('test.flaky')).filter((run) => run.jobId === id);
  expect(flaky.map((run) => run.attempt)).toEqual([1, 2, 3]);
  // retryDelaySeconds 1 with backoff: retry n waits between 2^(n−1) and 2^n seconds.
  const [first, second, third] = flaky.map((run) => run.ranAt);
  expect(second - first).toBeGreaterThanOrEqual(1000);
  expect(third - second).toBeGreaterThanOrEqual(2000);
});

test('a job that keeps failing ends failed with its last error', async () => {
  const id = (await jobs.send('test.broken', {}))!;
  const failed = await eventually(async () => {
    const record = await job('test.broken', id);
    return record.state === 'failed' && record;
  });
  expect(failed).toMatchObject({ attempts: 2, retryLimit: 1, lastError: { message: 'broken on attempt 2' } });
  expect(failed.finishedAt).toEqual(expect.any(Date));
  expect(failed.lastError!.stack).toContain('test-jobs.js');
  expect(failed.lastError!.stack!.split('\n').length).toBeLessThanOrEqual(20);
  expect((await runs('test.broken')).filter((run) => run.jobId === id).map((run) => run.attempt)).toEqual([1, 2]);
  // It stays failed: no third attempt.
  await sleep(1500);
  expect(await job('test.broken', id)).toMatchObject({ state: 'failed', attempts: 2 });
});

test('a job in one transaction whose work fails leaves none of its work, and is retried', async () => {
  const id = (await jobs.send('test.atomic', { label: 'Atomic', succeedOn: 2 }))!;
  const retrying = await eventually(async () => {
    const record = await job('test.atomic', id);
    return record.state === 'retrying' && record;
  });
  expect(retrying).toMatchObject({ attempts: 1, lastError: { message: 'atomic failure on attempt 1' } });
  expect(await customerNamed('Atomic 1')).toBeNull();

  const done = await eventually(async () => {
    const record = await job('test.atomic', id);
    return record.state === 'succeeded' && record;
  });
  expect(done).toMatchObject({ attempts: 2, lastError: { message: 'atomic failure on attempt 1' } });
  expect(done.finishedAt).toEqual(expect.any(Date));
  expect(await customerNamed('Atomic 1')).toBeNull();
  expect(await customerNamed('Atomic 2')).not.toBeNull();
  // The failed attempt's record of its run rolled back with its customer.
  expect((await runs('test.atomic')).filter((run) => run.jobId === id).map((run) => run.attempt)).toEqual([2]);
});

test('a job in one transaction that keeps failing ends failed, every attempt counted and none of its work kept', async () => {
  const id = (await jobs.send('test.atomic', { label: 'Hopeless', succeedOn: 99 }))!;
  const failed = await eventually(async () => {
    const record = await job('test.atomic', id);
    return record.state === 'failed' && record;
  }, 10_000);
  expect(failed).toMatchObject({ attempts: 3, retryLimit: 2, lastError: { message: 'atomic failure on attempt 3' } });
  expect(failed.finishedAt).toEqual(expect.any(Date));
  for (const attempt of [1, 2, 3]) expect(await customerNamed(`Hopeless ${attempt}`)).toBeNull();
  expect((await runs('test.atomic')).filter((run) => run.jobId === id)).toEqual([]);
});

test('a gathering job waits for its burst: on SQLite the burst is done in one transaction, and a failure rolls back only the others’ attempts, not their turn', async () => {
  const [ids, failing] = await app.strapi.db.transaction(async () => {
    const sent: string[] = [];
    for (const label of ['A', 'B', 'C']) sent.push((await jobs.send('test.gathered', { label }))!);
    // Last, so that on SQLite it fails after the three were done in its transaction.
    return [sent, (await jobs.send('test.gathered', { label: 'D', failFirst: true }))!] as const;
  });
  const records = await eventually(async () => {
    const found = await Promise.all([...ids, failing].map((id) => job('test.gathered', id)));
    return found.every((record) => record.state === 'succeeded') && found;
  });
  // The failing job's first attempt is counted; the others' attempts rolled back with it are not.
  expect(records.map((record) => record.attempts)).toEqual([1, 1, 1, 2]);
  const kept = await runs('test.gathered');
  // Every run that committed is there once per job: the attempt that failed left nothing.
  expect(kept.map((run) => run.jobId).sort()).toEqual([...ids, failing].sort());
  const transactionOf = new Map(kept.map((run) => [run.jobId, run.label!.split(' in ')[1]]));
  if (!usesPostgres()) expect(new Set(ids.map((id) => transactionOf.get(id))).size).toBe(1);
  // Sent after a second's wait at most, not at once.
  expect(Math.min(...kept.map((run) => run.ranAt)) - records[0].createdAt.getTime()).toBeGreaterThanOrEqual(usesPostgres() ? 0 : 900);
});

test('a scheduled job runs every period', async () => {
  jobs.schedule('test.tick', { everySeconds: 1 }, { label: 'tick' });
  try {
    const ticks = await eventually(() => runs('test.tick').then((found) => found.length >= 3 && found), 10_000);
    expect(new Set(ticks.map((tick) => tick.jobId)).size).toBe(ticks.length);
    expect(ticks.every((tick) => tick.label === 'tick')).toBe(true);
  } finally {
    jobs.unschedule('test.tick');
  }
});

test('sending a job nobody defined is refused', async () => {
  await expect(jobs.send('test.nobody', {})).rejects.toThrow('no job is defined as "test.nobody"');
});

(usesPostgres() ? describe : describe.skip)('two app processes on one PostgreSQL', () => {
  let second: SecondProcess;
  beforeAll(async () => {
    second = await startSecondProcess({ ORDERS_TEST_JOBS: 'schedule' });
  });
  afterAll(async () => {
    await second?.stop();
  });

  test('every job runs exactly once across both processes', async () => {
    const ids = [];
    for (let i = 0; i < 20; i += 1) ids.push(await jobs.send('test.record', { label: 'shared', sleepMs: 150 }));
    const shared = await eventually(() => labelled('shared').then((found) => found.length >= 20 && found));
    await sleep(1000);
    const all = await labelled('shared');
    expect(all).toHaveLength(20);
    expect(all.map((run) => run.jobId).sort()).toEqual([...ids].sort());
    // Both took some: each job ran once, not once per process, and not only here.
    expect(new Set(shared.map((run) => run.pid))).toEqual(new Set([process.pid, second.child.pid]));
  });

  test('a scheduled job runs once per period, not once per process', async () => {
    // The second process runs test.tick every second since it started; now this one does too.
    jobs.schedule('test.tick', { everySeconds: 1 }, { label: 'tick' });
    try {
      const from = Date.now();
      await sleep(5000);
      const to = Date.now();
      const ticks = (await runs('test.tick')).filter((tick) => tick.ranAt >= from && tick.ranAt < to);
      // One run per second of the window (give or take the edges), where once per process would be twice that.
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(new Set(ticks.map((tick) => tick.jobId)).size).toBe(ticks.length);
      const seconds = ticks.map((tick) => Math.floor(tick.ranAt / 1000));
      expect(new Set(seconds).size).toBe(seconds.length);
    } finally {
      jobs.unschedule('test.tick');
    }
  });

  test('the second process, stopped while its loops and schedule run, exits cleanly', async () => {
    const { code, signal, output } = await second.stop();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).not.toMatch(/unhandled|error/i);
  });
});
