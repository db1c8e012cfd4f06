import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { newsletters } from '@/db/schema';
import { storeUpload } from '@/lib/media/store';
import { fileDb } from '@/lib/test/file-db';
import { tempDir } from '@/lib/test/temp-dir';

// For the media tests of backup and restore: a live database in a data folder with real
// uploads (files and rows, through lib/media/store.ts), and what a database or folder holds,
// read independently of the code under test.

/** A small photo of one colour: 64 px wide, so one mail and one web rendition. */
export const photo = (colour: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

/** A photo of noise, which no encoder makes small: some hundreds of kB in all its files. */
export const noisyPhoto = () =>
  sharp(crypto.randomBytes(640 * 480 * 3), { raw: { width: 640, height: 480, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();

export function mediaSetup() {
  const dir = tempDir('kopij-backup-media');
  const live = fileDb(dir);
  const newsletterId = live.database.select().from(newsletters).get()!.id;
  /** An upload of a photo of this colour, or of these bytes. */
  const upload = async (photoOf: string | Buffer) =>
    storeUpload(live.database, dir, {
      newsletterId,
      name: 'foto.jpg',
      data: typeof photoOf === 'string' ? await photo(photoOf) : photoOf,
      editorId: null,
    });
  return { dir, ...live, backups: path.join(dir, 'backups'), upload };
}

/** What the database in `file` names, as `originals/…` and `r/…`, sorted, with sizes. */
export function namedIn(file: string): { name: string; bytes: number }[] {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(
        `select 'originals/' || original_hash || '.' || kind as name, bytes from media
         union select 'r/' || file, bytes from media_renditions order by name`,
      )
      .all() as { name: string; bytes: number }[];
  } finally {
    database.close();
  }
}

/** The files in a media folder's originals/ and r/, as `originals/…` and `r/…`, sorted. */
export function filesIn(mediaDir: string): string[] {
  return ['originals', 'r']
    .flatMap((folder) => {
      const dir = path.join(mediaDir, folder);
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => `${folder}/${name}`) : [];
    })
    .sort();
}

export const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Sets a file's times back, as if it was last written `ms` ago. */
export function age(file: string, ms: number) {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
}
