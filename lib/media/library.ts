// The media library of a newsletter: finding an image by its name or alt text, and describing
// it. An image may be placed once it has alt text or is explicitly marked decorative (then the
// mail and the archive page give it an empty alt, so a screen reader skips it).
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { media, mediaRenditions, type Media, type RenditionPurpose } from '@/db/schema';
import { contains } from '@/lib/like';
import { placedImages } from './placed';
import { Refusal } from '@/lib/refusal';
import { checkbox, z } from '@/lib/validation';

export const imageDescription = z
  .object({
    alt: z
      .string()
      .trim()
      .max(250, 'Een alt-tekst mag hoogstens 250 tekens hebben; zeg in één zin wat er te zien is.')
      .default(''),
    decorative: checkbox,
  })
  .superRefine((value, context) => {
    if (!value.decorative && !value.alt)
      context.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'Beschrijf wat er op de afbeelding staat, of kies ‘decoratief’.',
      });
  })
  // A decorative image has no alt text: keeping a stale one would be read out after all.
  .transform((value) => (value.decorative ? { alt: '', decorative: true } : value));
export type ImageDescription = z.output<typeof imageDescription>;

/** Ready to be placed: described, or marked decorative. */
export const isDescribed = (image: Pick<Media, 'alt' | 'decorative'>) =>
  image.decorative || image.alt.trim() !== '';

/** A newsletter's images, newest first; `q` matches the file name or the alt text. */
export function listMedia(database: Db | Tx, newsletterId: number, q = '') {
  const query = q.trim();
  return database
    .select()
    .from(media)
    .where(
      and(
        eq(media.newsletterId, newsletterId),
        query ? or(contains(media.name, query), contains(media.alt, query)) : undefined,
      ),
    )
    .orderBy(desc(media.createdAt), desc(media.id))
    .all();
}

/** An image's renditions for one purpose, narrowest first (for `srcset` and the mail's 2x). */
export function renditionsOf(database: Db | Tx, mediaId: number, purpose: RenditionPurpose) {
  return database
    .select()
    .from(mediaRenditions)
    .where(and(eq(mediaRenditions.mediaId, mediaId), eq(mediaRenditions.purpose, purpose)))
    .orderBy(mediaRenditions.width)
    .all();
}

export function describeImage(tx: Tx, mediaId: number, description: ImageDescription): Media {
  const updated = tx.update(media).set(description).where(eq(media.id, mediaId)).returning().get();
  if (!updated) throw new Refusal('Deze afbeelding bestaat niet (meer).');
  return updated;
}

/** What a form offers to choose from: an image's name, description and a small preview. */
export type ImageChoice = {
  id: number;
  newsletterId: number;
  name: string;
  alt: string;
  described: boolean;
  preview: string | null;
};

/** The images of these newsletters for a picker, newest first, with their smallest web version. */
export function imageChoices(database: Db | Tx, newsletterIds: number[]): ImageChoice[] {
  if (!newsletterIds.length) return [];
  const images = database
    .select()
    .from(media)
    .where(inArray(media.newsletterId, newsletterIds))
    .orderBy(desc(media.createdAt), desc(media.id))
    .all();
  // Relative addresses on our own screens; the smallest web version is enough for a preview.
  const placed = placedImages(
    database,
    images.map((i) => i.id),
    '',
  );
  return images.map((image) => ({
    id: image.id,
    newsletterId: image.newsletterId,
    name: image.name,
    alt: image.decorative ? '' : image.alt,
    described: isDescribed(image),
    preview: placed.get(image.id)?.web[0]?.src ?? null,
  }));
}

/**
 * An image an item or a newsletter may show: of the same newsletter, and described. The form
 * marks the field; the message says what to do about it.
 */
export function placeableImage(
  database: Db | Tx,
  newsletterId: number,
  mediaId: number,
  field = 'imageMediaId',
): Media {
  const image = database.select().from(media).where(eq(media.id, mediaId)).get();
  if (!image || image.newsletterId !== newsletterId)
    throw new Refusal('Kies een afbeelding uit de mediabibliotheek van deze nieuwsbrief.', field);
  if (!isDescribed(image))
    throw new Refusal(
      `“${image.name}” heeft nog geen alt-tekst. Beschrijf haar eerst in de mediabibliotheek, of markeer haar als decoratief.`,
      field,
    );
  return image;
}
