import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '@/lib/format';
import { PRIVATE_FILE, privateDir } from '@/lib/private-files';
import { fsyncPath } from './file-copy';
import {
  backupMediaDir,
  dataMediaDir,
  fileCount,
  isMediaName,
  isMediaPartial,
  MEDIA_FOLDERS,
  mediaPartialName,
  namedMediaFiles,
  someNames,
  type NamedFiles,
} from './media-files';
import { listBackups } from './names';

// The media half of a backup, after the database snapshot: the files that snapshot names are
// copied into the backup folder's media store, so a backup never names a file it did not copy
// (an upload writes its files first and its rows after, so whatever the snapshot names was on
// the disk before it). Asynchronous: in the app this runs on the event loop, and a first backup
// may copy a year of images while requests and the sender go on.

export type MediaBackup = {
  /** Files the backup's database names (each in BACKUP_DIR/media, unless in `missing`). */
  files: number;
  /** Of those, copied by this backup; the others were in the store already. */
  copied: number;
  copiedBytes: number;
  /**
   * Named, but neither in DATA_DIR/media nor in the store at the size the database gives:
   * lost before any backup had them, or deleted in the moment after the snapshot.
   */
  missing: string[];
};

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const stat = await fsp.stat(file);
    return stat.isFile() ? stat.size : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A private copy under a partial name, on the disk, then renamed to `to`. */
async function copyPrivately(from: string, to: string) {
  const partial = path.join(path.dirname(to), mediaPartialName(path.basename(to)));
  try {
    await fsp.copyFile(from, partial, fs.constants.COPYFILE_EXCL);
    // copyFile gives the source's mode; in the 0700 folder no one else could open it meanwhile.
    await fsp.chmod(partial, PRIVATE_FILE);
    const handle = await fsp.open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Replaces at most a file of the same content (the name is its hash) or a damaged copy.
    await fsp.rename(partial, to);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
}

const integrity = (message: string) =>
  Object.assign(new Error(message), { code: 'KOPIJ_INTEGRITY' });

/**
 * Puts every file in `named` into the store of `backupDir`, copying from `dataDir` only what
 * the store lacks, and checks each by its size. Throws when a copy fails or does not check out;
 * a file that is nowhere is reported in `missing` (the database copy is worth keeping anyway).
 */
export async function backUpMedia(
  named: NamedFiles,
  dataDir: string,
  backupDir: string,
): Promise<MediaBackup> {
  const source = dataMediaDir(dataDir);
  const store = backupMediaDir(backupDir);
  const result: MediaBackup = { files: named.size, copied: 0, copiedBytes: 0, missing: [] };
  const written = new Set<string>();
  const now = new Date();
  for (const [name, bytes] of named) {
    const target = path.join(store, name);
    if ((await sizeOf(target)) === bytes) {
      // Marks it as in use: a prune running meanwhile removes only files untouched for an hour.
      await fsp.utimes(target, now, now);
      continue;
    }
    const from = path.join(source, name);
    if ((await sizeOf(from)) !== bytes) {
      result.missing.push(name);
      continue;
    }
    const folder = path.dirname(target);
    if (!written.has(folder)) {
      privateDir(store);
      privateDir(folder);
      written.add(folder);
    }
    await copyPrivately(from, target);
    const copied = await sizeOf(target);
    if (copied !== bytes)
      throw integrity(`media/${name} is na het kopiëren ${copied ?? 0} bytes, niet ${bytes}`);
    result.copied++;
    result.copiedBytes += bytes;
  }
  for (const folder of written) fsyncPath(folder);
  if (written.size) fsyncPath(store);
  return result;
}

const HOUR = 60 * 60 * 1000;

/**
 * Removes from the store the files no remaining backup names, and partial copies, once they
 * are an hour old: a backup being made meanwhile relies on files no finished backup names yet
 * (it copied or touched them within that hour). Nothing of another name shape is touched.
 * Returns how many files were removed.
 */
export function pruneMedia(backupDir: string, now = Date.now()): number {
  const store = backupMediaDir(backupDir);
  if (!fs.existsSync(store)) return 0;
  const named = new Set<string>();
  try {
    for (const backup of listBackups(backupDir))
      for (const name of namedMediaFiles(backup.file).keys()) named.add(name);
  } catch {
    // A kept backup that cannot be read may name any file: remove none while it is kept.
    return 0;
  }
  let removed = 0;
  for (const folder of MEDIA_FOLDERS) {
    const dir = path.join(store, folder);
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const name of names) {
      const partial = isMediaPartial(name);
      if (!partial && (!isMediaName(folder, name) || named.has(`${folder}/${name}`))) continue;
      const file = path.join(dir, name);
      try {
        if (now - fs.statSync(file).mtimeMs <= HOUR) continue;
      } catch {
        continue; // removed by another backup's prune meanwhile
      }
      fs.rmSync(file, { force: true });
      if (!partial) removed++;
    }
  }
  return removed;
}

/** For the log: what the backup holds of the media library; undefined when nothing. */
export function mediaSummary(media: MediaBackup & { removed: number }): string | undefined {
  if (!media.files && !media.removed) return undefined;
  const copied = media.copied
    ? `${media.copied} nieuw gekopieerd (${formatBytes(media.copiedBytes)})`
    : 'niets nieuws te kopiëren';
  const removed = media.removed
    ? `, ${fileCount(media.removed)} niet meer nodig en verwijderd`
    : '';
  return `${fileCount(media.files)}, ${copied}${removed}`;
}

/** What an admin must know about missing files: which, where, and what it means. */
export function missingMediaWarning(missing: string[], dataDir: string): string {
  const one = missing.length === 1;
  return `de back-up is gemaakt, maar onvolledig: ${fileCount(missing.length)} van de mediabibliotheek ${one ? 'dat de database noemt, ontbreekt' : 'die de database noemt, ontbreken'} in ${dataMediaDir(dataDir)} (of ${one ? 'heeft' : 'hebben'} daar een andere grootte) en ${one ? 'stond' : 'stonden'} in geen eerdere back-up: ${someNames(missing)}. Zonder ${one ? 'dat bestand' : 'die bestanden'} tonen het archief en verzonden mails die afbeeldingen niet.`;
}
