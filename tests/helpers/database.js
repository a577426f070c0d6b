/**
 * A fresh, empty database for each Strapi the tests or benchmarks start: a new SQLite file, or a
 * new PostgreSQL database on the server named by DATABASE_HOST/PORT/USERNAME (default
 * 127.0.0.1:5432, user postgres) when DATABASE_CLIENT=postgres.
 * Plain JavaScript so that bench/ scripts share it without a build step.
 */
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../..');

const usesPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const withConnection = async (database, sql) => {
  const client = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const withAdminConnection = (sql) => withConnection(process.env.DATABASE_ADMIN_DB || 'postgres', sql);

/**
 * Points DATABASE_* at a new database; resolves to a function that drops it. The database is
 * empty, or a copy of a fixture when `restore` names one: a gzipped SQLite file, or a gzipped
 * plain pg_dump (`--inserts`, no psql meta-commands) for PostgreSQL.
 */
const createTestDatabase = async ({ restore } = {}) => {
  const name = `orders_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (usesPostgres()) {
    await withAdminConnection(`CREATE DATABASE "${name}"`);
    if (restore) await withConnection(name, zlib.gunzipSync(fs.readFileSync(restore.postgres)).toString('utf8'));
    process.env.DATABASE_NAME = name;
    return () => withAdminConnection(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const filename = path.join(ROOT, '.tmp', `${name}.db`);
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  if (restore) fs.writeFileSync(filename, zlib.gunzipSync(fs.readFileSync(restore.sqlite)));
  process.env.DATABASE_FILENAME = filename;
  return async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
  };
};

/**
 * Boots the compiled app (npm run build:server) on the database DATABASE_* name, without
 * listening, as NODE_ENV=test: secrets not set are generated for the process (and the app
 * processes it starts) and never written to a developer's .env (config/secrets.ts). Jobs poll
 * every half second, so that retries and a second process's jobs are seen soon.
 * ORDERS_TEST_JOBS=1 defines the test jobs (test-jobs.js), e.g. to measure a benchmark with their
 * loops idle beside it.
 */
const bootStrapi = async () => {
  process.env.NODE_ENV = process.env.NODE_ENV || 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  process.env.ORDERS_JOBS_POLLING_INTERVAL = process.env.ORDERS_JOBS_POLLING_INTERVAL || '0.5';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  if (process.env.ORDERS_TEST_JOBS) await require('./test-jobs').defineTestJobs(strapi);
  return strapi;
};

/** Boots the compiled app on a fresh database (or a fixture's copy: see createTestDatabase), without listening. */
const loadStrapi = async (options) => {
  const dropDatabase = await createTestDatabase(options);
  const strapi = await bootStrapi();
  return {
    strapi,
    async stop() {
      await strapi.destroy();
      await dropDatabase();
    },
  };
};

module.exports = { ROOT, usesPostgres, createTestDatabase, bootStrapi, loadStrapi };
