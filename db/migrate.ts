import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ConfigError, parseConfig, prepareRuntime } from '@/lib/config';
import { openDatabase, type Db } from './index';
import { upgradeRichText } from './rich-text-upgrade';

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

export function migrateDatabase(database: Db) {
  migrate(database, { migrationsFolder });
  upgradeRichText(database);
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
