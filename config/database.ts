import path from 'path';

type SqliteConnection = { pragma: (statement: string) => unknown; prepare: (sql: string) => unknown };

/** How many prepared statements each SQLite connection keeps: every query the app sends, several times over. */
const PREPARED_STATEMENTS = 1000;

/**
 * knex asks better-sqlite3 to prepare every query anew, and preparing costs more than running a
 * short query: an order's finalize spent a seventh of its time there. Each connection keeps its
 * recently used statements by their SQL text instead (the least recently used go first). A
 * statement is run to its end before knex's next query, and SQLite prepares it again by itself
 * when the schema changes, so a cached one is never stale.
 */
const preparedOnce = (connection: SqliteConnection) => {
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) statements.delete(sql);
    else statement = prepare(sql);
    statements.set(sql, statement);
    if (statements.size > PREPARED_STATEMENTS) statements.delete(statements.keys().next().value!);
    return statement;
  };
};

/**
 * Every SQLite connection writes ahead to a log (WAL) and syncs it at each commit: a commit is one
 * fsync of the log instead of the rollback journal's several, readers no longer block the writer,
 * and synchronous=FULL keeps every committed transaction through a power cut (a webshop was
 * answered 200 for what it committed). journal_mode persists in the file; synchronous is per
 * connection. And it prepares each statement once.
 */
const sqliteConnection = (connection: SqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    preparedOnce(connection);
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
};

/**
 * SQLite is the embedded default (DATABASE_FILENAME, default .tmp/data.db); PostgreSQL is chosen
 * with DATABASE_CLIENT=postgres and either DATABASE_URL or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: env('DATABASE_URL')
          ? { connectionString: env('DATABASE_URL'), ssl: env.bool('DATABASE_SSL', false) }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'strapi'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false),
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative to the app's root: this file runs compiled, from dist/config.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: { afterCreate: sqliteConnection },
    },
  };
};
