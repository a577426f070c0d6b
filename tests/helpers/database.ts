/**
 * A fresh, empty database for each Strapi the tests start: a new SQLite file, or a new
 * PostgreSQL database on the server named by DATABASE_HOST/PORT/USERNAME (127.0.0.1:5432, postgres).
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '../..');

export const usesPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const adminClient = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.DATABASE_ADMIN_DB ?? 'postgres',
  });

const withAdmin = async (sql: string) => {
  const client = adminClient();
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** Points DATABASE_* at a new empty database and returns how to drop it. */
export const createTestDatabase = async (): Promise<() => Promise<void>> => {
  const name = `orders_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (usesPostgres()) {
    await withAdmin(`CREATE DATABASE "${name}"`);
    process.env.DATABASE_NAME = name;
    return () => withAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const filename = path.join(ROOT, '.tmp', `${name}.db`);
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  process.env.DATABASE_FILENAME = filename;
  return async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
  };
};
