import path from 'node:path';
import Database from 'better-sqlite3';
import { formatCount } from '@/lib/format';

// The media library's files are the part of a backup that is not in the SQLite file. They are
// named by their content (lib/media/store.ts), so a name never changes meaning: the backup
// folder keeps one store of them, media/originals and media/r beside the kopij-*.db files, that
// every backup shares, and a backup copies only what that store lacks. Which files belong to a
// backup is what its own database names, never what happens to lie in a folder.

/**
 * `originals/<hash>.<kind>` or `r/<hash>.<ext>` (relative to DATA_DIR/media and to
 * BACKUP_DIR/media), with the size in bytes the database gives for it.
 */
export type NamedFiles = Map<string, number>;

export const MEDIA_FOLDERS = ['originals', 'r'] as const;

// The shapes lib/media writes. A name of another shape is not ours and never a path to follow:
// the database being restored is whatever file the admin pointed at.
const SHAPES: Record<(typeof MEDIA_FOLDERS)[number], RegExp> = {
  originals: /^[0-9a-f]{64}\.(png|jpeg|webp|gif)$/,
  r: /^[0-9a-f]{32}\.(jpg|png|webp)$/,
};

export const isMediaName = (folder: (typeof MEDIA_FOLDERS)[number], name: string) =>
  SHAPES[folder].test(name);

/**
 * DATA_DIR/media, with originals/ and r/ as lib/media/store.ts lays it out. Written here rather
 * than imported: that module loads sharp, and backup and restore are for the day something is
 * broken, so they load no image library. The restore test serves through lib/media/serve.ts,
 * so the two cannot drift apart unnoticed.
 */
export const dataMediaDir = (dataDir: string) => path.join(dataDir, 'media');
/** The store all backups in a backup folder share. */
export const backupMediaDir = (backupDir: string) => path.join(backupDir, 'media');

/** A copy being written: hidden, unique per writer, and of no shape above (never counted). */
export const mediaPartialName = (name: string) =>
  `.${name}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.deel`;
export const isMediaPartial = (name: string) => name.startsWith('.') && name.endsWith('.deel');

type Row = { file: string; bytes: number };

/**
 * The media files the database in `file` names. A database from before the media library
 * (an older backup) names none.
 */
export function namedMediaFiles(file: string): NamedFiles {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      database
        .prepare(
          "select name from sqlite_schema where type = 'table' and name in ('media', 'media_renditions')",
        )
        .pluck()
        .all() as string[],
    );
    const named: NamedFiles = new Map();
    const add = (folder: (typeof MEDIA_FOLDERS)[number], sql: string) => {
      for (const row of database.prepare(sql).all() as Row[])
        if (isMediaName(folder, row.file)) named.set(`${folder}/${row.file}`, row.bytes);
    };
    if (tables.has('media'))
      add('originals', "select original_hash || '.' || kind as file, bytes from media");
    if (tables.has('media_renditions')) add('r', 'select file, bytes from media_renditions');
    return named;
  } finally {
    database.close();
  }
}

/** "1 bestand", "12 bestanden". */
export const fileCount = (n: number) => `${formatCount(n)} ${n === 1 ? 'bestand' : 'bestanden'}`;

/** The first few names, for a log line that stays one line. */
export function someNames(names: string[], shown = 5): string {
  const rest = names.length - shown;
  return names.slice(0, shown).join(', ') + (rest > 0 ? ` en ${formatCount(rest)} meer` : '');
}
