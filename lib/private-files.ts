import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

// Files with personal data (the database and its WAL, backups, outbox mails, the auth secret) are
// for the app's own user only: 0600, in folders of 0700. Read by db/ as well, so plain Node only.

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

const exists = (file: string) => {
  try {
    return fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Takes the group's and others' rights off an existing file or folder (installs from before
 * modes were set have 0644 files). A folder with the sticky bit is a shared one such as /tmp,
 * which a wrong DATA_DIR must never close to everyone else.
 */
export function tighten(target: string): void {
  const stat = exists(target);
  if (!stat || (stat.mode & 0o077) === 0) return;
  // Someone else's file (a DKIM key root gave the app's group) is theirs to set.
  if (process.getuid && stat.uid !== process.getuid()) return;
  if (stat.isDirectory() && stat.mode & 0o1000) return;
  fs.chmodSync(target, stat.mode & 0o700);
}

/**
 * Makes a folder (and missing parents) 0700. An existing folder is tightened only when Kopij
 * owns it (`own`): the data folder and what lies inside it, not a folder an admin pointed
 * BACKUP_DIR or DATABASE_URL at, which may hold other things.
 */
export function privateDir(dir: string, own = true): void {
  const existed = exists(dir);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (existed && own) tighten(dir);
}

/** Whether `inner` is `outer` or lies inside it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Before SQLite opens a database file: create it empty with 0600 when it is new, and tighten it
 * and its WAL, shared-memory and journal files when they are older and looser. SQLite gives the
 * -wal and -shm it creates the database file's own mode, so this is what keeps them private too.
 */
export function prepareDatabaseFile(file: string): void {
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  // A missing folder is left to SQLite, whose error names it.
  if (!exists(path.dirname(file))) return;
  try {
    createPrivateFile(file);
  } catch (error) {
    // An existing database is not opened here: a read-only one stays SQLite's to report.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) tighten(file + suffix);
}

/** Creates a new, empty file with 0600; fails when it exists. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
}

/** Tightens every file directly in a folder (the data folder, outbox mails, backups) and the folder itself. */
function tightenFolder(dir: string, own = true): void {
  if (!exists(dir)) return;
  if (own) tighten(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isFile()) tighten(path.join(dir, entry.name));
}

/**
 * Tightens what an install from before file modes has left readable (on every start): the data
 * folder and everything Kopij keeps in it. The database files are done where they are opened.
 */
export function secureDataFolder(
  config: Pick<Config, 'dataDir' | 'outboxDir' | 'secretFile'> & { backup: { dir: string } },
): void {
  tightenFolder(config.dataDir);
  tighten(config.secretFile);
  tightenFolder(config.outboxDir, isInside(config.outboxDir, config.dataDir));
  tightenFolder(config.backup.dir, isInside(config.backup.dir, config.dataDir));
}
