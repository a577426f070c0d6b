/**
 * A committed job is never lost: a process that commits a change with its job and is killed
 * right after leaves the job in the database, and the app runs it when it starts again; an
 * attempt still running when the app stops is recorded as failed by the stop and retried after
 * the restart — on SQLite (the jobs table) as on PostgreSQL (pg-boss's tables).
 */
import { spawn } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bootStrapi, createTestDatabase } from '../helpers/database';
import type { Jobs, JobRecord } from '../../src/plugins/orders/server/src/core/jobs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defineTestJobs, runsOf, attemptBegun } = require('../helpers/test-jobs') as {
  defineTestJobs(strapi: Core.Strapi): Promise<Jobs>;
  runsOf(strapi: Core.Strapi, name: string): Promise<Array<{ jobId: string; label: string | null; attempt: number }>>;
  attemptBegun(jobId: string): Promise<void>;
};

/** Polls `jobs.get` until the job is in `state`, for up to 20 s; answers it as last read. */
const untilState = async (jobs: Jobs, name: string, id: string, state: JobRecord['state']) => {
  let record: JobRecord | null = null;
  for (let waited = 0; waited < 20_000 && record?.state !== state; waited += 100) {
    await sleep(100);
    record = await jobs.get(name, id);
  }
  return record;
};

/** Runs tests/helpers/jobs-crash.js to its death; answers what it printed and the signal that ended it. */
const crashAfterCommit = () =>
  new Promise<{ output: string; signal: NodeJS.Signals | null }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../helpers/jobs-crash.js')], {
      env: { ...process.env, ORDERS_JOBS_WORK: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (_code, signal) => resolve({ output, signal }));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a job committed just before its process is killed runs when the app starts again', async () => {
  const dropDatabase = await createTestDatabase();
  try {
    const { output, signal } = await crashAfterCommit();
    expect(signal).toBe('SIGKILL');
    const id = /sent (\S+)/.exec(output)?.[1];
    expect(id).toEqual(expect.any(String));

    const strapi: Core.Strapi = await bootStrapi();
    try {
      const jobs = await defineTestJobs(strapi);
      const record = await untilState(jobs, 'test.record', id!, 'succeeded');
      expect(record).toMatchObject({ state: 'succeeded', attempts: 1, data: { label: 'sent just before the crash' } });
      expect((await runsOf(strapi, 'test.record')).map((run) => run.jobId)).toEqual([id]);
      expect(
        await strapi.db.query('plugin::orders.customer').findOne({ where: { name: 'Committed just before the crash' } })
      ).not.toBeNull();
    } finally {
      await strapi.destroy();
    }
  } finally {
    await dropDatabase();
  }
});

test('an attempt still running when the app stops is recorded as failed by the stop, and retried after the restart', async () => {
  const dropDatabase = await createTestDatabase();
  try {
    let strapi: Core.Strapi = await bootStrapi();
    let id: string;
    try {
      const jobs = await defineTestJobs(strapi);
      id = (await jobs.send('test.slow', { hangMs: 60_000 }))!;
      await untilState(jobs, 'test.slow', id, 'running');
      await jobs.stop({ graceSeconds: 1 });
      expect(await jobs.get('test.slow', id)).toMatchObject({
        state: 'retrying',
        attempts: 1,
        lastError: { message: 'the app stopped while this job ran' },
      });
    } finally {
      await strapi.destroy();
    }

    strapi = await bootStrapi();
    try {
      const jobs = await defineTestJobs(strapi);
      expect(await untilState(jobs, 'test.slow', id, 'succeeded')).toMatchObject({ attempts: 2 });
      expect((await runsOf(strapi, 'test.slow')).map((run) => run.attempt)).toEqual([1, 2]);
    } finally {
      await strapi.destroy();
    }
  } finally {
    await dropDatabase();
  }
});

test('an attempt in one transaction still running when the app stops rolls back, is recorded as failed, and is retried after the restart', async () => {
  const dropDatabase = await createTestDatabase();
  try {
    let strapi: Core.Strapi = await bootStrapi();
    let id: string;
    try {
      const jobs = await defineTestJobs(strapi);
      id = (await jobs.send('test.atomic', { label: 'Stopped', hangMs: 60_000 }))!;
      await attemptBegun(id);
      await jobs.stop({ graceSeconds: 1 });
      expect(await jobs.get('test.atomic', id)).toMatchObject({
        state: 'retrying',
        attempts: 1,
        lastError: { message: 'the app stopped while this job ran' },
      });
      expect(await strapi.db.query('plugin::orders.customer').findOne({ where: { name: 'Stopped 1' } })).toBeNull();
    } finally {
      await strapi.destroy();
    }

    strapi = await bootStrapi();
    try {
      const jobs = await defineTestJobs(strapi);
      expect(await untilState(jobs, 'test.atomic', id, 'succeeded')).toMatchObject({ attempts: 2 });
      expect((await runsOf(strapi, 'test.atomic')).map((run) => run.attempt)).toEqual([2]);
      expect(await strapi.db.query('plugin::orders.customer').findOne({ where: { name: 'Stopped 2' } })).not.toBeNull();
    } finally {
      await strapi.destroy();
    }
  } finally {
    await dropDatabase();
  }
});
