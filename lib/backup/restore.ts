import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { isInside, privateDir, tighten } from '@/lib/private-files';
import { assertSqliteFile, checkBackupCopy, RestoreRefused } from './check';
import { describeFailure } from './failure';
import { copyInto } from './file-copy';
import { dataMediaDir } from './media-files';
import { restoreMedia, type MediaRestore } from './media-restore';
import { utcStamp } from './names';

export { RestoreRefused } from './check';

// `npm run restore FILE` replaces the database with a backup, with every process that uses the
// database stopped. How it knows: the app, `npm run worker` and `npm run inbound` keep the
// database open as long as they run, and SQLite lets a connection switch a database out of WAL
// mode only when no other connection has it open, in any process. So the restore tries that
// switch on the current database and refuses when SQLite answers "busy". No pid file that a
// crash leaves behind or a container restart makes point at another process.

type InUse = 'free' | 'busy' | 'unreadable';

/**
 * Whether another connection has the database open. On 'free' the database is left in rollback
 * mode with its WAL written into it, so the file alone holds everything.
 */
function databaseInUse(file: string): InUse {
  if (!fs.existsSync(file)) return 'free';
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0 });
    probe.pragma('journal_mode = DELETE');
    return 'free';
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
      ? 'busy'
      : 'unreadable';
  } finally {
    probe?.close();
  }
}

export type RestoreResult = {
  databaseFile: string;
  /** Where the replaced database was put; undefined when there was none. */
  keptAside: string | undefined;
  /** Migrations applied after restoring (the backup came from an older Kopij). */
  migrated: number;
  /** The replaced database could not be read (that may be why it is restored). */
  previousUnreadable: boolean;
  /** The media files the restored database names, put back into DATA_DIR/media. */
  media: MediaRestore;
};

/** The database is restored, but not (all of) its media files: the reason in Dutch. */
export class MediaNotRestored extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaNotRestored';
  }
}

const BUSY_MESSAGE =
  'Kopij gebruikt de database nog: de app, `npm run worker` of `npm run inbound` draait. Stop ze alle en probeer het opnieuw; er is niets gewijzigd.';

/** Moves the current database (and a WAL a crash left, which belongs to it) aside. */
function keepAside(databaseFile: string, stamp: string): string | undefined {
  if (!fs.existsSync(databaseFile)) return undefined;
  const aside = `${databaseFile}.voor-herstel-${stamp}`;
  fs.renameSync(databaseFile, aside);
  tighten(aside);
  if (fs.existsSync(`${databaseFile}-wal`)) fs.renameSync(`${databaseFile}-wal`, `${aside}-wal`);
  // The shared-memory index and a rollback journal belong to the old file and would be applied
  // to the restored one: SQLite finds them by name.
  for (const suffix of ['-shm', '-journal']) fs.rmSync(databaseFile + suffix, { force: true });
  return aside;
}

function putBackMedia(databaseFile: string, file: string, dataDir: string, keptAside?: string) {
  try {
    return restoreMedia(databaseFile, file, dataDir);
  } catch (error) {
    const reason = describeFailure(error, dataMediaDir(dataDir)).message;
    throw new MediaNotRestored(
      `de database is hersteld${keptAside ? ` (de vorige staat in ${keptAside})` : ''}, maar de afbeeldingen niet: ${reason}. Los dat op en herstel dezelfde back-up opnieuw.`,
    );
  }
}

/**
 * Checks `file` and puts it in place of `databaseFile`: the current database is kept aside as
 * `<database>.voor-herstel-<UTC time>`, the backup is copied in 0600 and migrated, and the media
 * files it names are put back from the media store beside `file` (media-restore.ts). Throws
 * RestoreRefused (nothing changed) for a file that is not a sound Kopij backup of this or an
 * older version, or while another process has the database open; MediaNotRestored when the
 * database is in place but its media files could not all be written.
 */
export function restoreBackup(options: {
  file: string;
  databaseFile: string;
  dataDir: string;
  now?: Date;
}): RestoreResult {
  const { databaseFile } = options;
  const file = path.resolve(options.file);
  const label = path.basename(file);
  const stamp = utcStamp(options.now ?? new Date());
  assertSqliteFile(file);
  const databaseDir = path.dirname(databaseFile);
  privateDir(databaseDir, isInside(databaseDir, options.dataDir));
  // The check runs on a copy beside the database: the admin's file is never opened for writing,
  // and the final step is a rename within one file system.
  const incoming = path.join(databaseDir, `.kopij-herstel-${stamp}.db`);
  fs.rmSync(incoming, { force: true });
  let placed = false;
  try {
    copyInto(file, incoming);
    const { missing } = checkBackupCopy(incoming, label);
    const use = databaseInUse(databaseFile);
    if (use === 'busy') throw new RestoreRefused(BUSY_MESSAGE);
    const keptAside = keepAside(databaseFile, stamp);
    try {
      fs.renameSync(incoming, databaseFile);
      placed = true;
    } catch (error) {
      if (keptAside) fs.renameSync(keptAside, databaseFile);
      throw error;
    }
    const database = openDatabase(databaseFile);
    try {
      migrateDatabase(database);
    } finally {
      database.$client.close();
    }
    return {
      databaseFile,
      keptAside,
      migrated: missing,
      previousUnreadable: use === 'unreadable',
      media: putBackMedia(databaseFile, file, options.dataDir, keptAside),
    };
  } finally {
    if (!placed)
      for (const suffix of ['', '-journal', '-wal', '-shm'])
        fs.rmSync(incoming + suffix, { force: true });
  }
}
