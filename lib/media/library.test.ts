import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { media, newsletters } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { tempDir } from '@/lib/test/temp-dir';
import { seed } from '@/scripts/seed';
import { describeImage, imageDescription, isDescribed, listMedia, renditionsOf } from './library';
import { storeUpload } from './store';

async function library() {
  const database = testDb();
  seed(database);
  const newsletterId = database.select().from(newsletters).get()!.id;
  const dataDir = tempDir('kopij-mediabieb');
  const upload = async (name: string, background: string) =>
    (
      await storeUpload(database, dataDir, {
        newsletterId,
        name,
        data: await sharp({ create: { width: 800, height: 500, channels: 3, background } })
          .png()
          .toBuffer(),
        editorId: null,
      })
    ).id;
  return { database, newsletterId, upload };
}

describe('the media library', () => {
  it('finds images by file name or alt text, newest first, with % and _ taken literally', async () => {
    const { database, newsletterId, upload } = await library();
    const hall = await upload('raadszaal_2026.png', '#203040');
    const square = await upload('plein.png', '#405060');
    database.transaction((tx) =>
      describeImage(tx, square, imageDescription.parse({ alt: 'Het plein voor het gemeentehuis' })),
    );
    expect(listMedia(database, newsletterId).map((m) => m.id)).toEqual([square, hall]);
    expect(listMedia(database, newsletterId, 'gemeentehuis').map((m) => m.id)).toEqual([square]);
    expect(listMedia(database, newsletterId, 'zaal_').map((m) => m.id)).toEqual([hall]);
    expect(listMedia(database, newsletterId, 'zaal%')).toEqual([]);
    expect(listMedia(database, newsletterId + 1)).toEqual([]);
    expect(renditionsOf(database, hall, 'web').map((r) => r.width)).toEqual([480, 800]);
    expect(renditionsOf(database, hall, 'mail').map((r) => [r.width, r.format])).toEqual([
      // An opaque PNG goes into the mail as JPEG: smaller, and nothing to lose.
      [600, 'jpeg'],
      [800, 'jpeg'],
    ]);
  });

  it('needs alt text or the choice decorative, which empties the alt text', async () => {
    const refused = imageDescription.safeParse({ alt: '   ' });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['alt', 'Beschrijf wat er op de afbeelding staat, of kies ‘decoratief’.'],
    ]);
    expect(imageDescription.safeParse({ alt: 'x'.repeat(251) }).success).toBe(false);
    expect(imageDescription.parse({ alt: 'Oud', decorative: 'on' })).toEqual({
      alt: '',
      decorative: true,
    });

    const { database, upload } = await library();
    const id = await upload('lijn.png', '#aabbcc');
    const row = () => database.select().from(media).get()!;
    expect(isDescribed(row())).toBe(false);
    database.transaction((tx) =>
      describeImage(tx, id, imageDescription.parse({ decorative: 'on' })),
    );
    expect(isDescribed(row())).toBe(true);
    expect(() =>
      database.transaction((tx) => describeImage(tx, id + 99, { alt: 'x', decorative: false })),
    ).toThrow('Deze afbeelding bestaat niet (meer).');
  });
});
