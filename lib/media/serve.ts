// GET /media/<file>: a rendition, by the content-hashed name a mail or archive page holds. Only
// names the database knows are served (never an original, never a path), and since a name never
// changes meaning the answer may be cached for a year.
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { mediaRenditions, type RenditionFormat } from '@/db/schema';
import { renditionsDir } from './store';
import { plainText } from '@/lib/http/responses';

const FILE = /^[0-9a-f]{32}\.(jpg|png|webp)$/;
const TYPES: Record<RenditionFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const missing = () => plainText('Deze afbeelding bestaat niet (meer).', 404);

/**
 * Read asynchronously: after a send, many mail clients fetch the same images at once, and a
 * synchronous read would hold every other request while the disk answers.
 */
export async function renditionResponse(
  database: Db,
  dataDir: string,
  file: string,
): Promise<Response> {
  if (!FILE.test(file)) return missing();
  const row = database
    .select({ format: mediaRenditions.format })
    .from(mediaRenditions)
    .where(eq(mediaRenditions.file, file))
    .get();
  if (!row) return missing();
  let data: Buffer;
  try {
    data = await fs.readFile(path.join(renditionsDir(dataDir), file));
  } catch {
    return missing();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'content-type': TYPES[row.format],
      'content-length': String(data.byteLength),
      'cache-control': IMMUTABLE,
      'x-content-type-options': 'nosniff',
    },
  });
}
