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
