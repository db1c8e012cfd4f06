import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';

/** A fresh, migrated in-memory database for one test. */
export function testDb() {
  const database = openDatabase(':memory:');
  migrateDatabase(database);
  return database;
}
