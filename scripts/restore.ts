// `npm run restore FILE`: puts a backup in place of the database, with Kopij stopped (the app,
// `npm run worker`, `npm run inbound`). Checks the file first (SQLite, integrity_check, made by
// this version of Kopij or an older one); keeps the current database aside as
// <database>.voor-herstel-<time>; migrates the restored database; puts back the media files it
// names from the media folder beside the backup file. See README, "Back-up en herstel".
import { listBackups } from '@/lib/backup/names';
import { formatBytes } from '@/lib/format';
import { describeMediaRestore } from '@/lib/backup/media-restore';
import { MediaNotRestored, restoreBackup, RestoreRefused } from '@/lib/backup/restore';
import { ConfigError, parseConfig } from '@/lib/config';

function main() {
  const config = parseConfig();
  const file = process.argv[2];
  if (!file) {
    const newest = listBackups(config.backup.dir).slice(0, 5);
    console.error('Gebruik: npm run restore -- <back-upbestand>');
    if (newest.length) {
      console.error(`\nDe nieuwste back-ups in ${config.backup.dir}:`);
      for (const b of newest) console.error(`  ${b.file} (${formatBytes(b.bytes)})`);
    }
    process.exit(2);
  }
  const result = restoreBackup({
    file,
    databaseFile: config.databaseFile,
    dataDir: config.dataDir,
  });
  console.log(`Hersteld: ${file} staat nu in ${result.databaseFile}.`);
  if (result.keptAside)
    console.log(
      `De vorige database is bewaard als ${result.keptAside}${result.previousUnreadable ? ' (die was niet leesbaar)' : ''}; verwijder die zelf als alles in orde is.`,
    );
  if (result.migrated)
    console.log(
      `De back-up kwam van een oudere versie: ${result.migrated} migratie(s) uitgevoerd.`,
    );
  const media = describeMediaRestore(result.media, file, config.dataDir);
  for (const line of media.info) console.log(line);
  for (const line of media.warnings) console.error(line);
  console.log('Start Kopij weer (npm start, en npm run worker als u die gebruikt).');
}

try {
  main();
} catch (error) {
  if (error instanceof RestoreRefused || error instanceof ConfigError) {
    console.error(`Niet hersteld: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof MediaNotRestored) {
    console.error(`Half hersteld: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
