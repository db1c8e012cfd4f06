import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { getConfig } from '@/lib/config';
import { prepareDatabaseFile } from '@/lib/private-files';
import * as schema from './schema';

/** The process's client: the query builder plus the raw better-sqlite3 handle for measured hot paths. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * What a query needs: the client or a transaction inside it. Both run the same query builder, so
 * a function that takes a `Tx` works in an action's transaction and on its own.
 */
export type Tx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Opens a database file with the pragmas every connection needs. */
export function openDatabase(file: string): Db {
  // 0600 before SQLite opens it: the -wal and -shm it makes take the database file's mode.
  prepareDatabaseFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Readers never wait on the writer in WAL; a writer waits up to 5 s for another writer.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema });
}

const globalForDb = globalThis as unknown as { kopijDb?: Db };

/**
 * The one client of this process, opened on first use (never on import, so `next build`
 * does not touch a database). Kept on globalThis so dev-mode reloads reuse it.
 */
export function db(): Db {
  globalForDb.kopijDb ??= openDatabase(getConfig().databaseFile);
  return globalForDb.kopijDb;
}

export { schema };
