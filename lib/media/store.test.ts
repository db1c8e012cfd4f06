import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { media, mediaRenditions, newsletters } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { gpsPhoto } from '@/lib/test/images';
import { tempDir } from '@/lib/test/temp-dir';
import { seed } from '@/scripts/seed';
import { IMMUTABLE, renditionResponse } from './serve';
import { storeUpload, uploadName } from './store';

function setup() {
  const database = testDb();
  seed(database);
  const newsletterId = database.select().from(newsletters).get()!.id;
  return { database, newsletterId, dataDir: tempDir('kopij-media') };
}

const filesIn = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];

describe('storeUpload and /media/<file>', () => {
  it('keeps the original privately and serves each rendition, immutable and without GPS', async () => {
    const { database, newsletterId, dataDir } = setup();
    const photo = await gpsPhoto();
    const stored = await storeUpload(database, dataDir, {
      newsletterId,
      name: 'C:\\Users\\fotograaf\\Raadszaal.jpg',
      data: photo,
      editorId: null,
    });
    expect(stored.created).toBe(true);
    const row = database.select().from(media).get()!;
    expect(row).toMatchObject({ name: 'Raadszaal.jpg', kind: 'jpeg', width: 1600, height: 1200 });

    // The original, with its position, only for the app: 0600 in a 0700 folder.
    const original = path.join(dataDir, 'media', 'originals', `${row.originalHash}.jpeg`);
    expect(
      (await exifr.parse(fs.readFileSync(original), { gps: true }))?.GPSLatitude,
    ).toBeDefined();
    expect(fs.statSync(original).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(original)).mode & 0o777).toBe(0o700);

    const renditions = database.select().from(mediaRenditions).all();
    expect(renditions.map((r) => [r.purpose, r.width])).toEqual([
      ['mail', 600],
      ['mail', 1200],
      ['web', 480],
      ['web', 960],
      ['web', 1440],
    ]);
    for (const rendition of renditions) {
      const response = await renditionResponse(database, dataDir, rendition.file);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(response.headers.get('content-type')).toBe(`image/${rendition.format}`);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.byteLength).toBe(rendition.bytes);
      expect((await sharp(body).metadata()).width).toBe(rendition.width);
      if (rendition.format === 'jpeg') expect(await exifr.parse(body, true)).toBeUndefined();
    }
  });

  it('serves no original, no path and no unknown name', async () => {
    const { database, newsletterId, dataDir } = setup();
    await storeUpload(database, dataDir, {
      newsletterId,
      name: 'foto.jpg',
      data: await gpsPhoto(),
      editorId: null,
    });
    const { originalHash } = database.select().from(media).get()!;
    for (const file of [
      `${originalHash}.jpeg`,
      `${originalHash.slice(0, 32)}.jpg`,
      '../kopij.db',
      '..%2Fkopij.db',
      'ffffffffffffffffffffffffffffffff.webp',
    ])
      expect((await renditionResponse(database, dataDir, file)).status, file).toBe(404);
  });

  it('takes the same file twice as one image, and writes nothing for a refused one', async () => {
    const { database, newsletterId, dataDir } = setup();
    const photo = await gpsPhoto();
    const upload = { newsletterId, name: 'foto.jpg', data: photo, editorId: null };
    const first = await storeUpload(database, dataDir, upload);
    const again = await storeUpload(database, dataDir, { ...upload, name: 'kopie.jpg' });
    expect(again).toEqual({ id: first.id, created: false });
    expect(database.select().from(media).all()).toHaveLength(1);

    const other = tempDir('kopij-media-leeg');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await expect(
      storeUpload(database, other, { ...upload, name: 'logo.svg', data: svg }),
    ).rejects.toThrow(/SVG-bestanden/);
    expect(filesIn(other)).toEqual([]);
    expect(database.select().from(media).all()).toHaveLength(1);
  });

  it('keeps only the file name a browser sent', () => {
    expect(uploadName('/home/a/b/foto.png')).toBe('foto.png');
    expect(uploadName('  ')).toBe('afbeelding');
    expect(uploadName('x'.repeat(300))).toHaveLength(200);
  });
});
