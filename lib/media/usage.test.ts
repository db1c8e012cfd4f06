import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueBlocks, issues, items, media, newsletters, sentItems } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { gpsPhoto } from '@/lib/test/images';
import { tempDir } from '@/lib/test/temp-dir';
import { seed } from '@/scripts/seed';
import { renditionsDir, storeUpload } from './store';
import { deleteImage, imageUses, removeImageFiles } from './usage';

async function setup() {
  const database = testDb();
  seed(database);
  const newsletter = database.select().from(newsletters).get()!;
  const dataDir = tempDir('kopij-gebruik');
  const { id } = await storeUpload(database, dataDir, {
    newsletterId: newsletter.id,
    name: 'plein.jpg',
    data: await gpsPhoto(900, 600),
    editorId: null,
  });
  const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  const sent = database.select().from(issues).where(eq(issues.status, 'sent')).get()!;
  return { database, newsletter, dataDir, id, draft, sent };
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('where an image is used, and deleting it', () => {
  it('names every use: logo, library item, an image block and a sent copy', async () => {
    const { database, newsletter, id, draft, sent } = await setup();
    const item = database.select().from(items).get()!;
    database.update(newsletters).set({ logoMediaId: id }).run();
    database.update(items).set({ imageMediaId: id }).where(eq(items.id, item.id)).run();
    database
      .insert(issueBlocks)
      .values({
        issueId: draft.id,
        kind: 'image',
        position: 'zz',
        content: { mediaId: id, caption: '', link: null },
      })
      .run();
    const copy = database.select().from(sentItems).where(eq(sentItems.issueId, sent.id)).get()!;
    database
      .update(sentItems)
      .set({ imageMediaId: id })
      .where(eq(sentItems.itemId, copy.itemId))
      .run();
    expect(imageUses(database, [id]).get(id)).toEqual([
      { kind: 'logo', newsletterId: newsletter.id, label: 'Logo van Raadsbericht' },
      { kind: 'item', itemId: item.id, label: item.title },
      { kind: 'issue', issueId: sent.id, label: `Raadsbericht ${sent.number}`, sent: true },
      { kind: 'issue', issueId: draft.id, label: `Raadsbericht ${draft.number}`, sent: false },
    ]);
    // In a sent issue it stays, whatever else uses it.
    expect(refusal(() => database.transaction((tx) => deleteImage(tx, id)))).toBe(
      'Deze afbeelding staat in een verzonden nummer; het archief en de verzonden mails tonen haar, dus ze blijft.',
    );
  });

  it('refuses an image still in use, naming where; deletes an unused one with its files', async () => {
    const { database, id, dataDir, draft } = await setup();
    database
      .insert(issueBlocks)
      .values({
        issueId: draft.id,
        kind: 'image',
        position: 'zz',
        content: { mediaId: id, caption: 'Het plein', link: null },
      })
      .run();
    expect(refusal(() => database.transaction((tx) => deleteImage(tx, id)))).toBe(
      `Deze afbeelding is nog in gebruik: Raadsbericht ${draft.number}. Haal haar daar eerst weg.`,
    );
    expect(database.select().from(media).all()).toHaveLength(1);

    database.delete(issueBlocks).where(eq(issueBlocks.kind, 'image')).run();
    const files = database.transaction((tx) => deleteImage(tx, id));
    expect(database.select().from(media).all()).toEqual([]);
    const onDisk = files.map((f) => path.join(path.dirname(renditionsDir(dataDir)), f));
    expect(onDisk.every((f) => fs.existsSync(f))).toBe(true);
    expect(files.some((f) => f.startsWith('originals'))).toBe(true);
    removeImageFiles(dataDir, files);
    expect(onDisk.some((f) => fs.existsSync(f))).toBe(false);
  });
});
