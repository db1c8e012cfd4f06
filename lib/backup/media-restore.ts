import fs from 'node:fs';
import path from 'node:path';
import { privateDir } from '@/lib/private-files';
import { copyInto, fsyncPath } from './file-copy';
import {
  backupMediaDir,
  dataMediaDir,
  fileCount,
  mediaPartialName,
  namedMediaFiles,
  someNames,
} from './media-files';

// The media half of a restore: the files the restored database names, from the media store
// beside the backup file (BACKUP_DIR/media, or wherever the admin copied that folder with it)
// into DATA_DIR/media. Synchronous: Kopij is stopped during a restore.

export type MediaRestore = {
  /** Files the restored database names. */
  files: number;
  /** Copied into DATA_DIR/media; the others named were there already, or are listed below. */
  restored: number;
  /** Not in the backup's media store at the size the database gives: these images are gone. */
  missing: string[];
  /** In DATA_DIR/media at another size than the database gives: left as they were. */
  differing: string[];
};

function sizeOf(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Puts back into `dataDir`'s media folder, 0600 in 0700 folders, the files the database at
 * `databaseFile` names and that are not there, from the media store beside `backupFile`. A file
 * that is there is never replaced, also not when it differs.
 */
export function restoreMedia(databaseFile: string, backupFile: string, dataDir: string) {
  const named = namedMediaFiles(databaseFile);
  const store = backupMediaDir(path.dirname(backupFile));
  const target = dataMediaDir(dataDir);
  const result: MediaRestore = { files: named.size, restored: 0, missing: [], differing: [] };
  const written = new Set<string>();
  for (const [name, bytes] of named) {
    const to = path.join(target, name);
    const present = sizeOf(to);
    if (present !== undefined) {
      if (present !== bytes) result.differing.push(name);
      continue;
    }
    const from = path.join(store, name);
    if (sizeOf(from) !== bytes) {
      result.missing.push(name);
      continue;
    }
    const folder = path.dirname(to);
    if (!written.has(folder)) {
      privateDir(target);
      privateDir(folder);
      written.add(folder);
    }
    const partial = path.join(folder, mediaPartialName(path.basename(to)));
    try {
      copyInto(from, partial);
      // link + unlink rather than rename: never replaces a file that appeared meanwhile.
      fs.linkSync(partial, to);
      result.restored++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  for (const folder of written) fsyncPath(folder);
  return result;
}

/** The restore's lines about the media files, in Dutch: what was done, then what to look at. */
export function describeMediaRestore(
  media: MediaRestore,
  backupFile: string,
  dataDir: string,
): { info: string[]; warnings: string[] } {
  const target = dataMediaDir(dataDir);
  const info = media.files
    ? [
        `Mediabibliotheek: ${fileCount(media.restored)} teruggezet in ${target}${media.files > media.restored ? ` (de database noemt er ${media.files})` : ''}.`,
      ]
    : [];
  const warnings: string[] = [];
  if (media.missing.length)
    warnings.push(
      `Let op: ${fileCount(media.missing.length)} ${media.missing.length === 1 ? 'dat de database noemt, staat' : 'die de database noemt, staan'} niet in ${backupMediaDir(path.dirname(backupFile))}: ${someNames(media.missing)}. Het archief en verzonden mails tonen die afbeeldingen niet; hebt u die map elders (bijvoorbeeld bij een oudere back-up), zet de bestanden dan met dezelfde naam in ${target} (rechten 0600).`,
    );
  if (media.differing.length)
    warnings.push(
      `Let op: ${fileCount(media.differing.length)} in ${target} ${media.differing.length === 1 ? 'heeft' : 'hebben'} een andere grootte dan de database noemt en ${media.differing.length === 1 ? 'is' : 'zijn'} niet overschreven: ${someNames(media.differing)}.`,
    );
  return { info, warnings };
}
