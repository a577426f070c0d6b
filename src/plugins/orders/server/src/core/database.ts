/** Small helpers for the few places that speak to the database below Strapi's query engine. */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginUid } from './uids';

export type Transaction = Knex.Transaction;

/** A biginteger column's value as the drivers answer it: a string (PostgreSQL) or a number (SQLite). */
export type StoredInteger = string | number;

/** A timestamp column's value: a Date, or what SQLite keeps (a number or an ISO string). */
export type StoredDate = Date | string | number;

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** The column Strapi gave an attribute. */
export const columnOf = (strapi: Core.Strapi, uid: PluginUid, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string }).columnName ?? attribute;

/**
 * Runs a read in the caller's transaction when there is one — on SQLite a read on another
 * connection would wait forever for the one the transaction holds — else straight on the pool,
 * without a BEGIN and COMMIT of its own (two round trips on PostgreSQL, for nothing to commit).
 */
export const readIn = async <T>(strapi: Core.Strapi, read: (db: Knex) => Promise<T>): Promise<T> =>
  strapi.db.inTransaction() ? ((await strapi.db.transaction(({ trx }) => read(trx))) as T) : read(strapi.db.connection);

type Rows = Array<Record<string, unknown>>;

/** What runSql uses of a better-sqlite3 connection and its statements. */
interface SqliteConnection {
  prepare(sql: string): { reader: boolean; all(values: unknown[]): Rows; run(values: unknown[]): unknown };
}

/** A value as knex's better-sqlite3 client binds it: a date as its milliseconds, a boolean as 0 or 1. */
const sqliteValue = (value: unknown) => (value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value);

/**
 * Runs SQL whose every value is a `?` and answers its rows, on a transaction or the pool. On
 * SQLite straight on the connection, as one of its prepared statements (config/database.ts keeps
 * them): knex's runner costs some 0.07 ms a statement, more than SQLite takes to run a short one
 * — a stock adjustment spent a third of its time there. On PostgreSQL through knex, whose cost
 * is small beside the round trip.
 */
export const runSql = async (strapi: Core.Strapi, db: Knex, sql: string, bindings: readonly unknown[]): Promise<Rows> => {
  if (isPostgres(strapi)) return ((await db.raw(sql, bindings as Knex.RawBinding[])) as { rows?: Rows }).rows ?? [];
  const connection = (await db.client.acquireConnection()) as SqliteConnection;
  try {
    const statement = connection.prepare(sql);
    const values = bindings.map(sqliteValue);
    if (statement.reader) return statement.all(values);
    statement.run(values);
    return [];
  } finally {
    // A transaction's connection stays with it: its client's release does nothing.
    await db.client.releaseConnection(connection);
  }
};

/** A value compiled() leaves to each run, by its name. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query knex's builder writes once, run many times: the builder compiles itself anew on every
 * run, which for a read with joins or a subquery costs more than SQLite takes to run it (a stock
 * adjustment spent a tenth of its time there). `build` writes the query with `slot(name)` where
 * a run gives a value; the answer runs the SQL it wrote on a transaction or the pool with the
 * run's values, and answers its rows. What else the query binds is fixed at its first run.
 */
export const compiled = <Name extends string>(
  strapi: Core.Strapi,
  build: (knex: Knex, slot: (name: Name) => string) => Knex.QueryBuilder
) => {
  let query: { sql: string; bindings: readonly unknown[] } | undefined;
  return async (db: Knex, values: Record<Name, unknown>): Promise<Rows> => {
    // A slot stands in the bindings as itself: knex binds a value without looking into it.
    query ??= build(strapi.db.connection, (name) => new Slot(name) as unknown as string).toSQL();
    return runSql(
      strapi,
      db,
      query.sql,
      query.bindings.map((value) => (value instanceof Slot ? values[value.name as Name] : value))
    );
  };
};

/**
 * SELECT … FOR UPDATE of one row by documentId: the lock of the lock-then-write pattern.
 * SQLite has no row locks and needs none: it lets one writer at a time.
 */
export const lockByDocumentId = async (strapi: Core.Strapi, trx: Transaction, uid: PluginUid, documentId: string) => {
  const query = trx(strapi.db.metadata.get(uid).tableName)
    .where(columnOf(strapi, uid, 'documentId'), documentId)
    .select('id');
  if (isPostgres(strapi)) query.forUpdate();
  const row = await query.first();
  return row ? (row.id as number) : null;
};

/**
 * Holds a named lock for the rest of the transaction: two transactions that take the same name
 * run one after the other, even when the row they are about to write does not exist yet (a
 * webshop's first deliveries of one order, at once). SQLite lets one writer at a time already.
 */
export const lockName = async (strapi: Core.Strapi, trx: Transaction, name: string) => {
  if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`orders:${name}`]);
};

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  /** Where the row stands in the target's list (order.items), when the relation has an inverse side. */
  inverseOrderColumnName?: string;
  /** Where the target stands in the row's own list (an inbox entry's orders), for a many-to-many relation. */
  orderColumnName?: string;
}

/** The link table Strapi 5 keeps a relation in. */
export const joinTableOf = (strapi: Core.Strapi, uid: PluginUid, attribute: string): JoinTable =>
  (strapi.db.metadata.get(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;

interface Shape {
  table: string;
  /** Each attribute's column. */
  columns: Map<string, string>;
  /** The json attributes: kept as their text, as Strapi's query engine stores them (the drivers would store "[object Object]"). */
  json: Set<string>;
  /** The schema's `default`s, as the query engine's create writes them (Strapi gives columns none); the documentId's is made apart. */
  defaults: Array<[string, unknown]>;
}

const shapes = new WeakMap<Core.Strapi, Map<PluginUid, Shape>>();

/** What writing rows of a content type needs of its metadata, read once per type: every write asks. */
const shapeOf = (strapi: Core.Strapi, uid: PluginUid): Shape => {
  if (!shapes.has(strapi)) shapes.set(strapi, new Map());
  const known = shapes.get(strapi)!;
  if (!known.has(uid)) {
    const { tableName, attributes } = strapi.db.metadata.get(uid);
    const entries = Object.entries(attributes as Record<string, { type?: string; columnName?: string; default?: unknown }>);
    known.set(uid, {
      table: tableName,
      columns: new Map(entries.map(([name, attribute]) => [name, attribute.columnName ?? name])),
      json: new Set(entries.filter(([, attribute]) => attribute.type === 'json').map(([name]) => name)),
      defaults: entries.flatMap(([name, attribute]) =>
        attribute.default === undefined || MADE.has(name) ? [] : [[name, attribute.default]]
      ),
    });
  }
  return known.get(uid)!;
};

/** What insertRows makes of every new row itself, whatever the schema's defaults. */
const MADE = new Set(['documentId', 'createdAt', 'updatedAt', 'publishedAt']);

/** Writes the attributes' values into `record` under their columns, as the table keeps them; undefined ones are left out. */
const writeInto = (shape: Shape, record: Record<string, unknown>, values: Record<string, unknown>) => {
  for (const attribute in values) {
    const value = values[attribute];
    if (value === undefined) continue;
    record[shape.columns.get(attribute) ?? attribute] = shape.json.has(attribute) && value !== null ? JSON.stringify(value) : value;
  }
  return record;
};

export interface NewRow {
  /** Attribute values as the database takes them (bigintegers as strings; json ones as they are). */
  values: Record<string, unknown>;
  /** The id each manyToOne relation of the row points at; none leaves it empty. */
  links?: Record<string, number | null | undefined>;
}

/** Rows a statement takes: below SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 500;
const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * INSERT … VALUES of several rows, written out here: knex writes SQLite's multi-row insert as a
 * UNION ALL of SELECTs, compiled anew for every insert, where this text repeats for rows of one
 * shape, and so does the connection's prepared statement. A value left undefined is what knex
 * makes of it: the column's default on PostgreSQL, NULL on SQLite (useNullAsDefault).
 */
const insertValues = async (
  strapi: Core.Strapi,
  db: Knex,
  table: string,
  records: Array<Record<string, unknown>>,
  returning: string[] = []
): Promise<Array<Record<string, unknown>>> => {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const absent = isPostgres(strapi) ? 'DEFAULT' : 'NULL';
  const bindings: unknown[] = [];
  const values = records.map((record) => {
    const places = columns.map((column) => {
      if (record[column] === undefined) return absent;
      bindings.push(record[column]);
      return '?';
    });
    return `(${places.join(', ')})`;
  });
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  return runSql(
    strapi,
    db,
    `INSERT INTO "${table}" (${quoted(columns)}) VALUES ${values.join(', ')}${returning.length ? ` RETURNING ${quoted(returning)}` : ''}`,
    bindings
  );
};

/** The last place taken in each target's list, by target id (none: no place yet). */
const lastPlaces = async (trx: Knex, joinTable: JoinTable, targets: number[]): Promise<Map<number, number>> => {
  if (!targets.length) return new Map();
  const target = joinTable.inverseJoinColumn.name;
  const rows: Array<{ target: number; last: number | string | null }> = await trx(joinTable.name)
    .whereIn(target, [...new Set(targets)])
    .groupBy(target)
    .select({ target })
    .max({ last: joinTable.inverseOrderColumnName! });
  return new Map(rows.map((row) => [Number(row.target), Number(row.last ?? 0)]));
};

/**
 * Inserts new rows of a content type with their relations' link rows, a few statements in all
 * where strapi.db.query().create takes several per row — an order of 500 lines was seconds to
 * save. Writes what create writes: a documentId, the timestamps, publishedAt (Strapi 5 keeps
 * rows of types without drafts published) and a link's place in the target's list, counted in
 * the order of `rows` (right for lines inserted after all the order's old ones were deleted), or
 * for the relations named in `after`, after the target's rows it has already (a new order among
 * its customer's, as create places it). Answers the new ids in the order of `rows`.
 */
export const insertRows = async (
  strapi: Core.Strapi,
  trx: Knex,
  uid: PluginUid,
  rows: NewRow[],
  { after = [] }: { after?: string[] } = {}
): Promise<number[]> => {
  const shape = shapeOf(strapi, uid);
  const documentId = shape.columns.get('documentId')!;
  const now = new Date();
  const made = { createdAt: now, updatedAt: now, publishedAt: now };
  const records = rows.map(({ values }) => {
    // As create: an attribute not given (or given undefined) takes its default; a default may be a function.
    const record: Record<string, unknown> = {};
    for (const [attribute, value] of shape.defaults)
      writeInto(shape, record, { [attribute]: typeof value === 'function' ? value() : value });
    return writeInto(shape, writeInto(shape, record, { ...made, documentId: createId() }), values);
  });
  // Ids are matched by documentId: neither database promises RETURNING rows in VALUES order.
  const idOf = new Map<string, number>();
  for (const chunk of chunks(records)) {
    const inserted = await insertValues(strapi, trx, shape.table, chunk, ['id', documentId]);
    for (const row of inserted) idOf.set(String(row[documentId]), Number(row.id));
  }
  const ids = records.map((record) => idOf.get(String(record[documentId]))!);

  for (const attribute of new Set(rows.flatMap((row) => Object.keys(row.links ?? {})))) {
    const joinTable = joinTableOf(strapi, uid, attribute);
    const placeIn =
      after.includes(attribute) && joinTable.inverseOrderColumnName
        ? await lastPlaces(
            trx,
            joinTable,
            rows.flatMap((row) => row.links?.[attribute] ?? [])
          )
        : new Map<number, number>();
    const links = rows.flatMap((row, index) => {
      const target = row.links?.[attribute];
      if (target === null || target === undefined) return [];
      const link: Record<string, unknown> = { [joinTable.joinColumn.name]: ids[index], [joinTable.inverseJoinColumn.name]: target };
      if (joinTable.inverseOrderColumnName) {
        placeIn.set(target, (placeIn.get(target) ?? 0) + 1);
        link[joinTable.inverseOrderColumnName] = placeIn.get(target);
      }
      return [link];
    });
    for (const chunk of chunks(links)) await insertValues(strapi, trx, joinTable.name, chunk);
  }
  return ids;
};

/**
 * Writes columns of one row, and its updatedAt, in one statement, where strapi.db.query().update
 * takes three (it reads the row before and after). Columns only: relations go through Strapi.
 * Answers the updatedAt it wrote, as the query engine would read it back.
 */
export const updateColumns = async (
  strapi: Core.Strapi,
  trx: Transaction,
  uid: PluginUid,
  id: number,
  values: Record<string, unknown>
): Promise<{ updatedAt: string }> => {
  const updatedAt = new Date();
  const shape = shapeOf(strapi, uid);
  await trx(shape.table)
    .where('id', id)
    .update(writeInto(shape, {}, { updatedAt, ...values }));
  return { updatedAt: updatedAt.toISOString() };
};

/**
 * Writes one column of many rows, each its own value, in one statement per 500 rows (a CASE on
 * the id): what refreshing the search keys of a feed's orders, or of every old order, takes.
 */
export const setColumnOfEach = async (trx: Knex, table: string, column: string, values: Map<number, string>) => {
  for (const rows of chunks([...values])) {
    const cases = rows.map(() => 'WHEN ? THEN CAST(? AS TEXT)').join(' ');
    await trx(table)
      .whereIn(
        'id',
        rows.map(([id]) => id)
      )
      .update({ [column]: trx.raw(`CASE id ${cases} END`, rows.flat()) });
  }
};

type ColumnAttribute = { type: string; columnName?: string };

/** A column's value as Strapi's query engine answers it for the attribute's type. */
const attributeValue = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
    case 'timestamp':
      return (value instanceof Date ? value : new Date(value as string | number)).toISOString();
    case 'biginteger':
      return String(value);
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    default:
      return value;
  }
};

/**
 * A row read with the query builder, as Strapi's query engine answers it: by attribute name,
 * each value of its attribute's type (bigintegers as strings, datetimes as ISO text, JSON
 * parsed). `prefix`: the row's columns carry it (a joined table's, "customer__").
 */
export const attributesOf = (strapi: Core.Strapi, uid: PluginUid, row: Record<string, unknown>, prefix = '') => {
  const record: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(strapi.db.metadata.get(uid).attributes as Record<string, ColumnAttribute>)) {
    const column = `${prefix}${attribute.columnName ?? name}`;
    if (attribute.type !== 'relation' && column in row) record[name] = attributeValue(attribute.type, row[column]);
  }
  return record;
};

/** A stored timestamp as the API speaks it: ISO 8601 in UTC. */
export const isoOf = (value: StoredDate): string => (value instanceof Date ? value : new Date(value)).toISOString();
