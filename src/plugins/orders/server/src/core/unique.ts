/**
 * Unique indexes the database keeps. Strapi's `unique` attribute is checked by its Document
 * Service only, and the engine's "is it taken" check reads before it writes — two requests at
 * once both find a value free. The index is what refuses the second; its violation is turned
 * into the same 400 as the check's.
 */
import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres } from './database';
import type { PluginUid } from './uids';

export interface UniqueIndex {
  uid: PluginUid;
  attribute: string;
}

const namesOf = (strapi: Core.Strapi, { uid, attribute }: UniqueIndex) => {
  const table = strapi.db.metadata.get(uid).tableName;
  const column = columnOf(strapi, uid, attribute);
  return { table, column, index: `${table}_${column}_unique` };
};

/**
 * Makes the index unless it exists. A database written before it may hold the same value twice:
 * then the app starts without the index and says which values to make unique; the next start
 * after that makes it.
 */
export const ensureUniqueIndex = async (strapi: Core.Strapi, unique: UniqueIndex) => {
  const { table, column, index } = namesOf(strapi, unique);
  const connection = strapi.db.connection;
  // Any number of rows may leave the value empty (a manual order has no external key): NULLs never collide.
  const duplicates: Array<Record<string, unknown>> = await connection(table)
    .whereNotNull(column)
    .select({ value: column })
    .count({ rows: '*' })
    .groupBy(column)
    .havingRaw('count(*) > 1')
    .orderBy(column)
    .limit(20);
  if (duplicates.length) {
    const list = duplicates.map(({ value, rows }) => `"${value}" (${rows} rows)`).join(', ');
    strapi.log.error(
      `orders: ${table}.${column} must be unique but holds the same value more than once: ${list}${duplicates.length === 20 ? ' and maybe more' : ''}. ` +
        `Until each is made unique (e.g. a SKU renamed in the Inventory), nothing but the plugin's own check keeps two requests at once from adding another; the unique index is made at the first start after.`
    );
    return false;
  }
  await connection.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [index, table, column]);
  return true;
};

/** Whether `error` is the database refusing a second row with the same value of `unique`. */
export const violates = (strapi: Core.Strapi, error: unknown, unique: UniqueIndex): boolean => {
  const { table, column, index } = namesOf(strapi, unique);
  const failure = error as { code?: string; constraint?: string; message?: string } | null;
  if (isPostgres(strapi)) return failure?.code === '23505' && failure.constraint === index;
  return failure?.code === 'SQLITE_CONSTRAINT_UNIQUE' && Boolean(failure.message?.includes(`${table}.${column}`));
};
