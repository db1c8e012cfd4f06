import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ConfigError, parseConfig, prepareRuntime } from '@/lib/config';
import { openDatabase, type Db } from './index';
import { upgradeRichText } from './rich-text-upgrade';

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/**
 * Runs the migrations still to do. SQLite changes a table's constraints by building a new table
 * and dropping the old one; with foreign keys on, that drop would refuse (or delete) every row
 * that points into the table. So they are off while migrating (set outside the migration's
 * transaction: inside one the pragma does nothing), every reference is checked after, and they
 * are on again.
 */
export function migrateDatabase(database: Db) {
  const sqlite = database.$client;
  const before = appliedMigrations(database);
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(database, { migrationsFolder });
    const broken = sqlite.pragma('foreign_key_check') as { table: string }[];
    if (broken.length)
      throw new Error(
        `De migratie laat ${broken.length} verwijzingen zonder doel achter (${[...new Set(broken.map((b) => b.table))].join(', ')}).`,
      );
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  // Data upgrades go with the migrations that made them necessary: an ordinary restart, with
  // nothing to migrate, does not scan the tables again.
  if (appliedMigrations(database) > before) upgradeRichText(database);
}

/** How many migrations the database has had (none for a new file). */
function appliedMigrations(database: Db): number {
  const table = database.$client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  return (
    database.$client.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    }
  ).n;
}

// `npm run db:migrate`
if (process.argv[1] === import.meta.filename) {
  try {
    const config = prepareRuntime(parseConfig());
    const database = openDatabase(config.databaseFile);
    migrateDatabase(database);
    database.$client.close();
    console.log(`Database bijgewerkt: ${config.databaseFile}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
