import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, isInside, privateDir, tighten } from '@/lib/private-files';
import { backupName, isPartial, listBackups, partialName } from './names';
import { describeFailure } from './failure';
import { recordOutcome } from './status';

// A consistent copy of the live database while the app keeps writing, through SQLite's online
// backup API (better-sqlite3's `backup`). Measured against VACUUM INTO on a database of 25 sent
// issues to 10,000 readers (bench/backup.bench.ts): neither holds back another process's writes
// (both only read a snapshot in WAL mode), but inside the app VACUUM INTO is one synchronous call
// that stopped the app's event loop (web requests, the sender) for the whole copy, 0.7 s there,
// growing with the database. The backup API copies a number of pages per step and gives the
// event loop back in between: gaps of ~0.1 s. Writes through the same connection (the app's own
// sender and editors) go into the copy as they happen; a write by another process (npm run worker)
// makes SQLite start the copy over, so each restart doubles the step: the copy always finishes.

export type BackupResult = {
  file: string;
  bytes: number;
  ms: number;
  /** Removed by retention. */
  removed: string[];
  /** Times SQLite started the copy over because another process wrote. */
  restarts: number;
};

export type BackupOptions = {
  dir: string;
  /** Backups kept: the newest `keep`; older ones of our name pattern are removed. */
  keep: number;
  /** The data folder: a backup folder inside it is Kopij's own and tightened to 0700. */
  dataDir: string;
  now?: () => Date;
};

const FIRST_STEP_PAGES = 100;

/** Copies the database page by page into `target`; returns how often SQLite had to start over. */
async function copyPages(source: Database.Database, target: string): Promise<number> {
  let step = FIRST_STEP_PAGES;
  let remaining = Infinity;
  let restarts = 0;
  await source.backup(target, {
    progress: ({ remainingPages }) => {
      if (remainingPages > remaining) {
        restarts += 1;
        step = Math.min(step * 2, 0x7fffffff);
      }
      remaining = remainingPages;
      return step;
    },
  });
  return restarts;
}

/**
 * Makes the copy a self-contained file (rollback journal, so no -wal or -shm belongs with it)
 * and checks every page. Throws when SQLite finds anything wrong.
 */
function verifyCopy(file: string) {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw Object.assign(new Error(problems.slice(0, 3).join('; ')), { code: 'KOPIJ_INTEGRITY' });
  } finally {
    copy.close();
  }
}

function fsyncPath(target: string) {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The first free name for a backup started at `at` (and its partial file). */
function freeName(dir: string, at: Date): string {
  for (let n = 1; ; n++) {
    const name = backupName(at, n);
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, partialName(name))))
      return name;
  }
}

const HOUR = 60 * 60 * 1000;

/**
 * Keeps the newest `keep` backups and removes older ones, and partial files a crashed backup
 * left more than an hour ago. Nothing that does not have our name shape is touched.
 */
export function pruneBackups(dir: string, keep: number, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const old of listBackups(dir).slice(keep)) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (isPartial(name) && now - fs.statSync(file).mtimeMs > HOUR) fs.rmSync(file, { force: true });
  }
  return removed;
}

/**
 * Writes a verified backup of `source` (the better-sqlite3 handle of the live database) to
 * `kopij-<UTC time>.db` in `options.dir`, 0600 in a folder of 0700. The copy is written under a
 * hidden partial name and renamed only once it is complete and passed `integrity_check`, so a
 * half-written file never looks like a backup. Throws a BackupFailure (Dutch reason) otherwise.
 */
export async function takeBackup(
  source: Database.Database,
  options: BackupOptions,
): Promise<BackupResult> {
  const started = performance.now();
  const at = (options.now ?? (() => new Date()))();
  let partial: string | undefined;
  try {
    privateDir(options.dir, isInside(options.dir, options.dataDir));
    const name = freeName(options.dir, at);
    partial = path.join(options.dir, partialName(name));
    // Created 0600 first: SQLite would make a new file 0644, and keeps an existing file's mode.
    createPrivateFile(partial);
    const restarts = await copyPages(source, partial);
    verifyCopy(partial);
    fsyncPath(partial);
    const file = path.join(options.dir, name);
    // link + unlink rather than rename: never replaces a backup another process just finished.
    fs.linkSync(partial, file);
    fs.rmSync(partial);
    partial = undefined;
    tighten(file);
    fsyncPath(options.dir);
    const removed = pruneBackups(options.dir, options.keep);
    const bytes = fs.statSync(file).size;
    recordOutcome(options.dir, { at, file, ok: true });
    return { file, bytes, ms: performance.now() - started, removed, restarts };
  } catch (error) {
    if (partial)
      for (const suffix of ['', '-journal']) fs.rmSync(partial + suffix, { force: true });
    const failure = describeFailure(error, options.dir);
    recordOutcome(options.dir, { at, ok: false, reason: failure.message });
    throw failure;
  }
}
