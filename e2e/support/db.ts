import path from 'node:path';
import Database from 'better-sqlite3';
import { appDir } from './app';

/** Read-only look into the database of the app under test, to check what a request changed. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const database = new Database(path.join(appDir(), 'kopij.db'), {
    readonly: true,
  });
  try {
    return database.prepare(sql).all(...params) as T[];
  } finally {
    database.close();
  }
}

/**
 * One write into the app's database, for what a test cannot wait for through the screens (a
 * planned send a minute away). The app reads such state afresh; WAL lets both work at once.
 */
export function execute(sql: string, ...params: unknown[]): void {
  const database = new Database(path.join(appDir(), 'kopij.db'));
  database.pragma('busy_timeout = 5000');
  try {
    database.prepare(sql).run(...params);
  } finally {
    database.close();
  }
}
