// What an uploaded image must be before anything is kept: one of four raster formats by its own
// bytes (not by its name or the browser's content type), at most 10 MB, read no further than
// that, and at most MAX_PIXELS pixels by its header, checked before a single pixel is decoded.
import type { ImageKind } from '@/lib/enums';
import { formatCount } from '@/lib/format';
import { Refusal } from '@/lib/refusal';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
// A 50-megapixel phone photo fits; a decompression bomb (a small file declaring 50,000 x 50,000
// pixels, 10 GB once decoded) does not.
export const MAX_PIXELS = 64_000_000;

/**
 * Why an upload is refused, by a code the upload route can put in its redirect (a page never
 * shows text from its address, only the message for a known code).
 */
export const uploadRefusals = {
  'te-groot': `Dit bestand is groter dan ${formatCount(MAX_UPLOAD_BYTES / 1024 / 1024)} MB. Verklein de afbeelding en probeer het opnieuw.`,
  leeg: 'Dit bestand is leeg.',
  svg: 'SVG-bestanden nemen we niet aan: ze kunnen scripts bevatten. Sla de afbeelding op als PNG of JPEG.',
  'geen-afbeelding':
    'Dit bestand is geen PNG, JPEG, WebP of GIF, wat de naam of het type ook zegt.',
  pixels: `Deze afbeelding heeft meer dan ${formatCount(MAX_PIXELS / 1_000_000)} megapixel. Verklein haar en probeer het opnieuw.`,
  beschadigd: 'Dit bestand is beschadigd of geen geldige afbeelding. Kies een ander bestand.',
} as const;
export type UploadRefusal = keyof typeof uploadRefusals;

/** Refused in Dutch, beside the file field of the upload form. */
export class MediaRefusal extends Refusal {
  constructor(
    readonly code: UploadRefusal,
    message: string = uploadRefusals[code],
  ) {
    super(message, 'bestand');
  }
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image format by its first bytes; anything else, SVG above all, is refused. */
export function sniffImage(head: Uint8Array): ImageKind {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096));
  if (/<svg[\s>]/i.test(text)) throw new MediaRefusal('svg');
  throw new MediaRefusal('geen-afbeelding');
}

const tooLarge = () => new MediaRefusal('te-groot');

/**
 * Reads an upload into memory, but never more than MAX_UPLOAD_BYTES of it: a declared size over
 * the limit is refused before the first byte, and a stream that runs past it is cancelled.
 */
export async function readUpload(
  stream: ReadableStream<Uint8Array>,
  declaredBytes?: number,
  /** A whole form post may carry its other fields and the multipart boundaries on top. */
  limit = MAX_UPLOAD_BYTES,
): Promise<Buffer> {
  if (declaredBytes !== undefined && declaredBytes > limit) {
    await stream.cancel();
    throw tooLarge();
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (total === 0) throw new MediaRefusal('leeg');
  return Buffer.concat(chunks);
}

/** Refuses an image whose header declares more pixels than we are willing to decode. */
export function checkPixels(width: number, height: number): void {
  if (width * height <= MAX_PIXELS) return;
  throw new MediaRefusal(
    'pixels',
    `Deze afbeelding is ${formatCount(width)} × ${formatCount(height)} pixels; het maximum is ${formatCount(MAX_PIXELS / 1_000_000)} megapixel. Verklein haar en probeer het opnieuw.`,
  );
}
