import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, isInside, privateDir, tighten } from '@/lib/private-files';
import { copyInLine, copyOffThread } from './copy';
import { describeFailure } from './failure';
import { backupName, isPartial, listBackups, parseBackupName, partialName } from './names';
import { recordOutcome } from './status';

// A consistent copy of the live database while the app keeps writing (copy.ts says how, and why
// VACUUM INTO), verified before it gets a backup's name, and retention.

export type BackupResult = {
  file: string;
  bytes: number;
  ms: number;
  /** Removed by retention. */
  removed: string[];
  /** Whether the copy ran in a worker thread (the app's event loop free meanwhile). */
  offThread: boolean;
};

export type BackupOptions = {
  dir: string;
  /** Backups kept: the newest `keep`; older ones of our name shape are removed. */
  keep: number;
  /** The data folder: a backup folder inside it is Kopij's own and tightened to 0700. */
  dataDir: string;
  /** In this thread (`npm run backup`, a process of its own) rather than a worker thread. */
  inLine?: boolean;
  now?: () => Date;
};

function fsyncPath(target: string) {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The name for a backup started at `at`: after every backup of the same second, also one that
 * retention has removed meanwhile would sort before those that remain.
 */
function freeName(dir: string, at: Date): string {
  const stamp = backupName(at);
  const sameSecond = fs
    .readdirSync(dir)
    .map((name) => (isPartial(name) ? name.slice(1, -'.deel'.length) : name))
    .map(parseBackupName)
    .filter((parsed) => parsed && backupName(parsed.at) === stamp);
  return backupName(at, Math.max(0, ...sameSecond.map((parsed) => parsed!.n)) + 1);
}

const HOUR = 60 * 60 * 1000;

/**
 * Keeps the newest `keep` backups and removes older ones, and partial files a crashed backup
 * left more than an hour ago. Nothing that does not have our name shape is touched. `made`, the
 * backup just written, is always one of those kept, even when the clock went back since the last.
 */
export function pruneBackups(dir: string, keep: number, now = Date.now(), made?: string): string[] {
  const removed: string[] = [];
  const backups = listBackups(dir).filter((b) => b.file !== made);
  for (const old of backups.slice(Math.max(0, made ? keep - 1 : keep))) {
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
 * Writes a verified backup of the database file `source` to `kopij-<UTC time>.db` in
 * `options.dir`, 0600 in a folder of 0700. The copy is written under a hidden partial name and
 * renamed only once it is complete and passed `integrity_check`, so a half-written file never
 * looks like a backup. Throws a BackupFailure (Dutch reason) otherwise.
 */
export async function takeBackup(source: string, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const at = (options.now ?? (() => new Date()))();
  let partial: string | undefined;
  try {
    privateDir(options.dir, isInside(options.dir, options.dataDir));
    const name = freeName(options.dir, at);
    partial = path.join(options.dir, partialName(name));
    // Created 0600 first: SQLite would make a new file 0644; VACUUM INTO fills an empty one.
    createPrivateFile(partial);
    const copied = options.inLine
      ? { ...copyInLine(source, partial), offThread: false }
      : await copyOffThread(source, partial);
    if (copied.problems.length)
      throw Object.assign(new Error(copied.problems.slice(0, 3).join('; ')), {
        code: 'KOPIJ_INTEGRITY',
      });
    const file = path.join(options.dir, name);
    // link + unlink rather than rename: never replaces a backup another process just finished.
    fs.linkSync(partial, file);
    fs.rmSync(partial);
    partial = undefined;
    tighten(file);
    fsyncPath(options.dir);
    const bytes = fs.statSync(file).size;
    const removed = pruneBackups(options.dir, options.keep, Date.now(), file);
    recordOutcome(options.dir, { at, file, ok: true });
    return { file, bytes, ms: performance.now() - started, removed, offThread: copied.offThread };
  } catch (error) {
    if (partial)
      for (const suffix of ['', '-journal']) fs.rmSync(partial + suffix, { force: true });
    const failure = describeFailure(error, options.dir);
    recordOutcome(options.dir, { at, ok: false, reason: failure.message });
    throw failure;
  }
}
