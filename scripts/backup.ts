// `npm run backup`: a verified copy of the database in BACKUP_DIR (default data/backups) while
// the app keeps running, named after the time in UTC (kopij-20261129T153000Z.db), and the media
// files it names in BACKUP_DIR/media. Keeps the newest BACKUP_KEEP backups and removes older ones
// and the media files only they named. Prints the path and size; exit code 1 and the reason when
// it fails, and also when media files the database names could not be found (the backup is then
// made, but a cron job's mail should still say so).
import fs from 'node:fs';
import { takeBackup } from '@/lib/backup/backup';
import { mediaSummary, missingMediaWarning } from '@/lib/backup/media-backup';
import { backupMediaDir } from '@/lib/backup/media-files';
import { ConfigError, parseConfig } from '@/lib/config';
import { formatBytes, formatCount } from '@/lib/format';

async function main() {
  const config = parseConfig();
  if (!fs.existsSync(config.databaseFile)) {
    console.error(`Er is geen database om te back-uppen: ${config.databaseFile} bestaat niet.`);
    process.exit(1);
  }
  // In line: this process has no event loop to keep free. The app's writes go on meanwhile.
  const result = await takeBackup(config.databaseFile, {
    dir: config.backup.dir,
    keep: config.backup.keep,
    dataDir: config.dataDir,
    inLine: true,
  });
  console.log(
    `Back-up gemaakt: ${result.file} (${formatBytes(result.bytes)}, gecontroleerd, ${formatCount(Math.round(result.ms))} ms)`,
  );
  const media = mediaSummary(result.media);
  if (media) console.log(`Mediabibliotheek in ${backupMediaDir(config.backup.dir)}: ${media}`);
  if (result.removed.length)
    console.log(
      `Oudere back-ups verwijderd (de nieuwste ${config.backup.keep} blijven): ${result.removed.length}`,
    );
  if (result.media.missing.length) {
    console.error(`Let op, ${missingMediaWarning(result.media.missing, config.dataDir)}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Back-up mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
