import { IMAGE_WIDTHS, logoWidth, mailRendition, type PlacedImage } from '@/emails/image';
import { formatBytes } from '@/lib/format';
import { allBlocks } from '@/lib/issue/document';
import type { Check } from './checks';
import type { RenderInput } from './render';

/** One image file above this, after processing, is worth a second look. */
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** The HTML and every image a reader's mail program fetches to show the whole issue. */
export const MAX_MAIL_WEIGHT = 1.5 * 1024 * 1024;

type Use = { id: string; what: string; image: PlacedImage; width: number };

/** Every image the mail shows, at the width it shows it (the same choice as the template). */
function imageUses(input: RenderInput): Use[] {
  const uses: Use[] = [];
  const logoId = input.newsletter.logoMediaId;
  const logo = logoId === null ? undefined : input.images.get(logoId);
  if (logo) uses.push({ id: 'logo', what: 'Het logo', image: logo, width: logoWidth(logo) });
  const lead = input.document.lead?.itemId;
  for (const block of allBlocks(input.document)) {
    if (block.kind !== 'lead' && block.kind !== 'item') continue;
    const item = input.items.get(block.itemId);
    const image = item?.imageMediaId == null ? undefined : input.images.get(item.imageMediaId);
    if (!item || !image) continue;
    const thumbnail = block.itemId !== lead && item.imagePlacement === 'beside';
    uses.push({
      id: `item-${item.id}`,
      what: `De afbeelding bij “${item.title}”`,
      image,
      width: thumbnail ? IMAGE_WIDTHS.thumbnail : IMAGE_WIDTHS.full,
    });
  }
  input.document.extras.forEach((block, index) => {
    if (block.kind !== 'image') return;
    const image =
      block.content.mediaId === null ? undefined : input.images.get(block.content.mediaId);
    if (image)
      uses.push({
        id: `block-${block.id}`,
        what: `De afbeelding in blok ${index + 1} van de vaste blokken`,
        image,
        width: IMAGE_WIDTHS.full,
      });
  });
  return uses;
}

const absolute = (src: string) => {
  try {
    return ['https:', 'http:'].includes(new URL(src).protocol);
  } catch {
    return false;
  }
};

/**
 * What the images need before an issue goes out: alt text (or a decorative choice), an address a
 * mail program can fetch, and a weight a reader on a phone can wait for.
 */
export function imageChecks(input: RenderInput, htmlBytes: number): Check[] {
  const checks: Check[] = input.document.extras.flatMap((block): Check[] =>
    block.kind === 'image' && block.content.mediaId === null
      ? [
          {
            id: `image-empty-${block.id}`,
            level: 'block',
            message:
              'Een afbeeldingsblok heeft nog geen afbeelding: kies er een, of haal het blok weg.',
          },
        ]
      : [],
  );
  const fetched = new Map<string, number>();
  for (const use of imageUses(input)) {
    const file = mailRendition(use.image, use.width);
    fetched.set(file.src, file.bytes);
    if (!use.image.decorative && !use.image.alt.trim())
      checks.push({
        id: `image-alt-${use.id}`,
        level: 'block',
        message: `${use.what} heeft geen alt-tekst. Beschrijf haar in de mediabibliotheek, of kies ‘decoratief’.`,
      });
    if (!absolute(file.src))
      checks.push({
        id: `image-url-${use.id}`,
        level: 'block',
        message: `${use.what} heeft geen volledig webadres (${file.src}); een mailprogramma kan haar dan niet ophalen.`,
      });
    if (file.bytes > MAX_IMAGE_BYTES)
      checks.push({
        id: `image-heavy-${use.id}`,
        level: 'warn',
        message: `${use.what} is ${formatBytes(file.bytes)}; kies een kleinere of eenvoudiger foto.`,
      });
  }
  const images = [...fetched.values()].reduce((sum, bytes) => sum + bytes, 0);
  if (htmlBytes + images > MAX_MAIL_WEIGHT)
    checks.push({
      id: 'mail-weight',
      level: 'warn',
      message: `De e-mail weegt met afbeeldingen ${formatBytes(htmlBytes + images)} (afbeeldingen ${formatBytes(images)}); lezers met een trage verbinding wachten lang. Houd het onder ${formatBytes(MAX_MAIL_WEIGHT)}.`,
    });
  return checks;
}
