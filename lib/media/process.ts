// An accepted upload turned into the files we serve: for the mail, widths that fill a 600 px
// column at 1x and 2x, as JPEG (PNG when the image has transparency, which JPEG cannot hold);
// for the archive page, WebP at the widths its srcset offers. Every rendition is turned upright
// by its EXIF orientation and then written without metadata (sharp keeps none unless asked),
// so no camera, owner or GPS position leaves with it. Names are content hashes: a URL never
// changes meaning, so it can be cached for a year.
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { ImageKind, RenditionFormat, RenditionPurpose as Purpose } from '@/lib/enums';
import { checkPixels, MAX_PIXELS, MediaRefusal, sniffImage } from './intake';

export const RENDITION_WIDTHS: Record<Purpose, number[]> = {
  mail: [600, 1200],
  web: [480, 960, 1440],
};

export type Rendition = {
  purpose: Purpose;
  width: number;
  height: number;
  format: RenditionFormat;
  bytes: number;
  /** `<hash>.<ext>`: the first 32 hex digits of the file's SHA-256. */
  file: string;
  data: Buffer;
};

export type ProcessedImage = {
  kind: ImageKind;
  width: number;
  height: number;
  hasAlpha: boolean;
  renditions: Rendition[];
};

const broken = () => new MediaRefusal('beschadigd');

/** The original's header, read without decoding a pixel: format, upright size, transparency. */
async function inspect(data: Buffer, kind: ImageKind) {
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw broken();
    });
  if (meta.format !== kind || !meta.width || !meta.height) throw broken();
  checkPixels(meta.width, meta.height);
  // Orientations 5 to 8 are stored on their side.
  const sideways = (meta.orientation ?? 1) >= 5;
  return {
    width: sideways ? meta.height : meta.width,
    height: sideways ? meta.width : meta.height,
    hasAlpha: meta.hasAlpha === true,
  };
}

function encode(image: Sharp, format: RenditionFormat): Sharp {
  if (format === 'jpeg')
    return image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
  if (format === 'png') return image.png({ compressionLevel: 9, palette: true });
  return image.webp({ quality: 78 });
}

async function render(
  data: Buffer,
  purpose: Purpose,
  width: number,
  format: RenditionFormat,
): Promise<Rendition> {
  // One frame of an animated GIF; limitInputPixels again, should the header have lied.
  const resized = sharp(data, { limitInputPixels: MAX_PIXELS, animated: false })
    .rotate()
    .resize({ width, withoutEnlargement: true });
  const { data: output, info } = await encode(resized, format)
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw broken();
    });
  const hash = createHash('sha256').update(output).digest('hex').slice(0, 32);
  return {
    purpose,
    width: info.width,
    height: info.height,
    format,
    bytes: output.byteLength,
    file: `${hash}.${format === 'jpeg' ? 'jpg' : format}`,
    data: output,
  };
}

/**
 * Checks and converts an upload. The widths never exceed the original's: a small logo keeps its
 * size, and one rendition stands in for every width above it.
 */
export async function processImage(data: Buffer): Promise<ProcessedImage> {
  const kind = sniffImage(data);
  const original = await inspect(data, kind);
  const mailFormat: RenditionFormat = original.hasAlpha ? 'png' : 'jpeg';
  const renditions: Rendition[] = [];
  for (const purpose of ['mail', 'web'] as const) {
    const widths = new Set(RENDITION_WIDTHS[purpose].map((w) => Math.min(w, original.width)));
    for (const width of widths)
      renditions.push(await render(data, purpose, width, purpose === 'mail' ? mailFormat : 'webp'));
  }
  return { kind, ...original, renditions };
}
