import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { declaredPng } from '@/lib/test/images';
import { MAX_UPLOAD_BYTES, MediaRefusal, readUpload, sniffImage } from './intake';
import { processImage } from './process';

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a6f4e' } });

/** A stream of `total` bytes in 1 MB chunks that counts how much was pulled from it. */
function counted(total: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(1024 * 1024, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, state };
}

describe('sniffImage', () => {
  it('knows the four formats by their bytes', async () => {
    for (const kind of ['png', 'jpeg', 'webp', 'gif'] as const)
      expect(sniffImage(await photo(8, 8).toFormat(kind).toBuffer())).toBe(kind);
  });

  it('refuses a text file that calls itself PNG, and SVG for its scripts, in Dutch', () => {
    expect(() => sniffImage(Buffer.from('Dit is geen afbeelding maar tekst.'))).toThrow(
      'Dit bestand is geen PNG, JPEG, WebP of GIF, wat de naam of het type ook zegt.',
    );
    const svg =
      '\ufeff<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect(() => sniffImage(Buffer.from(svg))).toThrow(/SVG-bestanden nemen we niet aan/);
  });
});

describe('readUpload', () => {
  it('refuses a declared 60 MB before reading a byte', async () => {
    const { stream, state } = counted(60 * 1024 * 1024);
    await expect(readUpload(stream, 60 * 1024 * 1024)).rejects.toThrow(/groter dan 10 MB/);
    expect(state.pulled).toBe(0);
  });

  it('stops a 60 MB stream that declared nothing just past the limit', async () => {
    const { stream, state } = counted(60 * 1024 * 1024);
    await expect(readUpload(stream)).rejects.toBeInstanceOf(MediaRefusal);
    // The stream's queue may hold one chunk ahead of the reader.
    expect(state.pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * 1024 * 1024);
  });

  it('reads a file within the limit whole', async () => {
    const { stream } = counted(3 * 1024 * 1024 + 5);
    expect((await readUpload(stream)).byteLength).toBe(3 * 1024 * 1024 + 5);
  });
});

describe('processImage', () => {
  it('refuses a decompression bomb by its header, without decoding it', async () => {
    const bomb = declaredPng(50_000, 50_000);
    expect(bomb.byteLength).toBeLessThan(1024);
    await expect(processImage(bomb)).rejects.toThrow(
      'Deze afbeelding is 50.000 × 50.000 pixels; het maximum is 64 megapixel.',
    );
  });

  it('refuses a file with an image signature but broken contents', async () => {
    const png = await photo(40, 40).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    await expect(processImage(broken)).rejects.toThrow(/beschadigd of geen geldige afbeelding/);
  });

  it('makes mail and web widths from a photo, upright, without EXIF or GPS', async () => {
    const original = await photo(3000, 2000)
      .withExif({
        IFD0: { Make: 'Kopij-testcamera', Copyright: 'Fotograaf' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 30/1' },
      })
      .jpeg()
      .toBuffer();
    // The fixture itself carries a position, so the check below can fail.
    expect((await exifr.parse(original, { gps: true }))?.GPSLatitude).toBeDefined();

    const image = await processImage(original);
    expect(image).toMatchObject({ kind: 'jpeg', width: 3000, height: 2000, hasAlpha: false });
    expect(image.renditions.map((r) => [r.purpose, r.format, r.width, r.height])).toEqual([
      ['mail', 'jpeg', 600, 400],
      ['mail', 'jpeg', 1200, 800],
      ['web', 'webp', 480, 320],
      ['web', 'webp', 960, 640],
      ['web', 'webp', 1440, 960],
    ]);
    for (const rendition of image.renditions) {
      // exifr reads JPEG and PNG; for WebP sharp's own reading of its EXIF chunk below.
      if (rendition.format !== 'webp')
        expect(await exifr.parse(rendition.data, true), rendition.file).toBeUndefined();
      const meta = await sharp(rendition.data).metadata();
      expect([meta.width, meta.exif, meta.format]).toEqual([
        rendition.width,
        undefined,
        rendition.format,
      ]);
      expect(rendition.file).toMatch(/^[0-9a-f]{32}\.(jpg|webp)$/);
    }
  });

  it('turns a photo taken sideways upright, keeps a small logo small, and PNG for transparency', async () => {
    const sideways = await photo(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const upright = await processImage(sideways);
    expect([upright.width, upright.height]).toEqual([200, 300]);
    expect(upright.renditions.map((r) => [r.width, r.height])).toEqual([
      [200, 300],
      [200, 300],
    ]);

    const logo = await sharp({
      create: { width: 160, height: 48, channels: 4, background: { r: 0, g: 90, b: 40, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const processed = await processImage(logo);
    expect(processed.renditions.map((r) => [r.purpose, r.format, r.width])).toEqual([
      ['mail', 'png', 160],
      ['web', 'webp', 160],
    ]);
  });

  it('names a rendition by its content: the same upload gives the same files', async () => {
    const png = await photo(700, 300).png().toBuffer();
    const [first, second] = [await processImage(png), await processImage(png)];
    expect(first.renditions.map((r) => r.file)).toEqual(second.renditions.map((r) => r.file));
    expect(new Set(first.renditions.map((r) => r.file)).size).toBe(first.renditions.length);
  });
});
