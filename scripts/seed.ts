// `npm run db:seed [-- --reset]`: the demo newsletter in an empty database. Also the seed that
// `npm start` and the tests use.
import fs from 'node:fs';
import { openDatabase, type Db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { indexSentIssue } from '@/lib/archive/search';
import { ConfigError, parseConfig, prepareRuntime } from '@/lib/config';
import { freezeSentItems } from '@/lib/issue/sent-items';
import { isEmpty, writeDemoContent } from '@/lib/demo/content';
import { addDemoImages } from '@/lib/demo/images';

/**
 * Fills an empty database with the demo newsletter, in one transaction; the newsletter itself is
 * made by the same service as the admin screen's "Nieuwe nieuwsbrief". Its sent issues never
 * went through a send, so they get here what a send gives an issue: the items as sent (as when a
 * send starts) and the archive's search rows (as when it completes).
 */
export function seed(database: Db, now = new Date()): void {
  database.transaction((tx) => {
    for (const issueId of writeDemoContent(tx, now)) {
      freezeSentItems(tx, issueId);
      indexSentIssue(tx, issueId);
    }
  });
}

async function main() {
  const config = prepareRuntime(parseConfig());
  if (process.argv.includes('--reset')) {
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(config.databaseFile + suffix, { force: true });
  }
  const database = openDatabase(config.databaseFile);
  migrateDatabase(database);
  if (isEmpty(database)) {
    seed(database);
    await addDemoImages(database, config.dataDir);
    console.log(`Demo-inhoud geladen in ${config.databaseFile}`);
  } else {
    console.log(
      'De database bevat al gegevens; er is niets gewijzigd. Gebruik `npm run db:seed -- --reset` om opnieuw te beginnen.',
    );
  }
  database.$client.close();
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
}
