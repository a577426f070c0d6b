/**
 * The plugin's own migrations: the schema changes and data moves Strapi's schema sync cannot
 * make (a column renamed before the sync would drop it), shipped with the plugin so that they
 * reach every app that installs it — a host app has no database/migrations/ of ours. Registered
 * at register with Strapi's internal migrations, which run before each schema sync, every one in
 * a transaction of its own and once per database (strapi_migrations_internal keeps their names).
 * A migration must also be a no-op on a database that never had what it changes: a fresh one,
 * or an app that installs the plugin today.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export interface PluginMigration {
  /** Unique and never renamed: `<plugin version>-<nn>-<what>`, e.g. `0.1.0-01-history-table`. */
  name: string;
  /** Runs inside the migration's transaction. */
  up: (trx: Knex.Transaction) => Promise<void>;
}

/** Hands the migrations to Strapi, in the order given, under the plugin's prefix. */
export const registerMigrations = (strapi: Core.Strapi, migrations: PluginMigration[]) => {
  for (const { name, up } of migrations) {
    strapi.db.migrations.providers.internal.register({
      name: `plugin::orders.${name}`,
      up: (trx) => up(trx),
      // Strapi never migrates down at start; an old build on a newer database is not supported.
      down: async () => {},
    });
  }
};
