// Images as the renderer places them: from media ids to absolute rendition URLs. Mail clients
// fetch images from the public site, so every URL starts with PUBLIC_URL.
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { media, mediaRenditions } from '@/db/schema';
import type { PlacedImage } from '@/emails/image';

export const renditionUrl = (publicUrl: string, file: string) => `${publicUrl}/media/${file}`;

/** The images with these ids, in one query for the images and one for their renditions. */
export function placedImages(
  database: Db | Tx,
  ids: Iterable<number | null | undefined>,
  publicUrl: string,
): Map<number, PlacedImage> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Map();
  const images = database.select().from(media).where(inArray(media.id, wanted)).all();
  const renditions = database
    .select()
    .from(mediaRenditions)
    .where(inArray(mediaRenditions.mediaId, wanted))
    .orderBy(mediaRenditions.width)
    .all();
  return new Map(
    images.map((image) => {
      const own = renditions.filter((r) => r.mediaId === image.id);
      const of = (purpose: 'mail' | 'web') =>
        own
          .filter((r) => r.purpose === purpose)
          .map((r) => ({ src: renditionUrl(publicUrl, r.file), width: r.width, bytes: r.bytes }));
      return [
        image.id,
        {
          alt: image.decorative ? '' : image.alt,
          decorative: image.decorative,
          width: image.width,
          height: image.height,
          mail: of('mail'),
          web: of('web'),
        },
      ];
    }),
  );
}
