import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openDatabase, type Db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seed } from '@/scripts/seed';

/**
 * A migrated database in a file (WAL, as the app runs it) in `dir`, with the demo content unless
 * `seeded` is false; closed when the test ends. For what :memory: cannot show: backups, modes.
 */
export function fileDb(dir: string, { seeded = true, name = 'kopij.db' } = {}) {
  const file = path.join(dir, name);
  const database: Db = openDatabase(file);
  migrateDatabase(database);
  if (seeded) seed(database);
  onTestFinished(() => {
    if (database.$client.open) database.$client.close();
  });
  return { file, database };
}
