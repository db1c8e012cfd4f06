// Keeps an accepted image: the original (which may hold a GPS position) and its renditions as
// files under DATA_DIR/media, readable by the app alone, and a row per image and rendition.
// Files are named by their content, so writing one that exists is a no-op and a crash between
// the files and the rows leaves at most an unreferenced file, never a row without its file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { media, mediaRenditions } from '@/db/schema';
import { PRIVATE_FILE, privateDir } from '@/lib/private-files';
import { processImage } from './process';

export const renditionsDir = (dataDir: string) => path.join(dataDir, 'media', 'r');
export const originalsDir = (dataDir: string) => path.join(dataDir, 'media', 'originals');

/** Written beside its final name and renamed, so a reader never sees half a file. */
function writeOnce(dir: string, name: string, data: Buffer): void {
  const target = path.join(dir, name);
  if (fs.existsSync(target)) return;
  privateDir(dir);
  const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, data, { mode: PRIVATE_FILE });
  fs.renameSync(temporary, target);
}

/** The file's own name without any folder a browser may have sent, at most 200 characters. */
export function uploadName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.trim();
  return (base || 'afbeelding').slice(0, 200);
}

export type StoredImage = { id: number; created: boolean };

/**
 * Checks, converts and keeps an upload for a newsletter. The same file uploaded twice to the
 * same newsletter is the same image: the second upload returns the first one's id.
 */
export async function storeUpload(
  database: Db,
  dataDir: string,
  upload: { newsletterId: number; name: string; data: Buffer; editorId: string | null },
): Promise<StoredImage> {
  const image = await processImage(upload.data);
  const originalHash = createHash('sha256').update(upload.data).digest('hex');
  const known = (handle: Db | Tx) =>
    handle
      .select({ id: media.id })
      .from(media)
      .where(and(eq(media.newsletterId, upload.newsletterId), eq(media.originalHash, originalHash)))
      .get();
  const before = known(database);
  if (before) return { id: before.id, created: false };

  writeOnce(originalsDir(dataDir), `${originalHash}.${image.kind}`, upload.data);
  for (const rendition of image.renditions)
    writeOnce(renditionsDir(dataDir), rendition.file, rendition.data);

  return database.transaction((tx) => {
    // Asked again inside the transaction: a parallel upload of the same file may have won.
    const raced = known(tx);
    if (raced) return { id: raced.id, created: false };
    const { id } = tx
      .insert(media)
      .values({
        newsletterId: upload.newsletterId,
        name: uploadName(upload.name),
        kind: image.kind,
        width: image.width,
        height: image.height,
        bytes: upload.data.byteLength,
        originalHash,
        createdBy: upload.editorId,
      })
      .returning({ id: media.id })
      .get();
    tx.insert(mediaRenditions)
      .values(
        image.renditions.map(({ purpose, format, width, height, bytes, file }) => ({
          mediaId: id,
          purpose,
          format,
          width,
          height,
          bytes,
          file,
        })),
      )
      .run();
    return { id, created: true };
  });
}
