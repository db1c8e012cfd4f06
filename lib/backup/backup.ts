import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, isInside, privateDir, tighten } from '@/lib/private-files';
import { copyInLine, copyOffThread } from './copy';
import { describeFailure } from './failure';
import { fsyncPath } from './file-copy';
import { backUpMedia, pruneMedia, type MediaBackup } from './media-backup';
import { namedMediaFiles } from './media-files';
import { backupName, isPartial, listBackups, parseBackupName, partialName } from './names';
import { recordOutcome } from './status';

// A consistent copy of the live database while the app keeps writing (copy.ts says how, and why
// VACUUM INTO), verified before it gets a backup's name, and retention. The media files the copy
// names go into the backup folder's media store first (media-backup.ts): a backup with a name
// has its database and its images.

export type BackupResult = {
  file: string;
  bytes: number;
  ms: number;
  /** Removed by retention. */
  removed: string[];
  /** Whether the copy ran in a worker thread (the app's event loop free meanwhile). */
  offThread: boolean;
  /** The media files the backup names; `removed`: no longer named by any backup, so gone. */
  media: MediaBackup & { removed: number };
};

export type BackupOptions = {
  dir: string;
  /** Backups kept: the newest `keep`; older ones of our name shape are removed. */
  keep: number;
  /**
   * The data folder: a backup folder inside it is Kopij's own and tightened to 0700. Its
   * media/ holds the files the database names.
   */
  dataDir: string;
  /** In this thread (`npm run backup`, a process of its own) rather than a worker thread. */
  inLine?: boolean;
  now?: () => Date;
};

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
 * `options.dir`, 0600 in a folder of 0700, and the media files it names to `options.dir/media`.
 * The copy is written under a hidden partial name and renamed only once it is complete, passed
 * `integrity_check` and its media files are copied and checked, so a half-written file never
 * looks like a backup. Throws a BackupFailure (Dutch reason) otherwise; media files that exist
 * nowhere are reported in `media.missing` instead (see media-backup.ts).
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
    // From the snapshot, not the live database: an upload since has files this backup lacks.
    const media = await backUpMedia(namedMediaFiles(partial), options.dataDir, options.dir);
    const file = path.join(options.dir, name);
    // link + unlink rather than rename: never replaces a backup another process just finished.
    fs.linkSync(partial, file);
    fs.rmSync(partial);
    partial = undefined;
    tighten(file);
    fsyncPath(options.dir);
    const bytes = fs.statSync(file).size;
    const removed = pruneBackups(options.dir, options.keep, Date.now(), file);
    // After retention: files only the removed backups named may go now.
    const mediaRemoved = pruneMedia(options.dir);
    recordOutcome(options.dir, { at, file, ok: true });
    return {
      file,
      bytes,
      ms: performance.now() - started,
      removed,
      offThread: copied.offThread,
      media: { ...media, removed: mediaRemoved },
    };
  } catch (error) {
    if (partial)
      for (const suffix of ['', '-journal']) fs.rmSync(partial + suffix, { force: true });
    const failure = describeFailure(error, options.dir);
    recordOutcome(options.dir, { at, ok: false, reason: failure.message });
    throw failure;
  }
}
