import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { fromPlainText } from '@/lib/richtext/plain';
import { items, reusableBlocks } from './schema';
import { migrateDatabase } from './migrate';
import { upgradeRichText } from './rich-text-upgrade';

describe('upgradeRichText', () => {
  it('turns plain teasers and text block bodies into documents, once, losing nothing', () => {
    const database = testDb();
    seed(database);
    const item = database.select().from(items).get()!;
    const block = database
      .select()
      .from(reusableBlocks)
      .where(eq(reusableBlocks.kind, 'text'))
      .get()!;
    const teaser = 'Eerste alinea.\nMet een regel.\n\nTweede alinea.';
    const body = '## Kop\n\nTekst met forum@vsg.example.';
    // As rows from before rich text: plain text, and an empty document beside it.
    database.run(
      sql`update items set teaser = ${teaser}, teaser_doc = '{"type":"doc","content":[]}' where id = ${item.id}`,
    );
    database.run(
      sql`update reusable_blocks set content = json_set(content, '$.body', ${body}) where id = ${block.id}`,
    );

    upgradeRichText(database);
    const upgraded = database.select().from(items).where(eq(items.id, item.id)).get()!;
    expect(upgraded.teaserDoc).toEqual(fromPlainText(teaser, { headings: false }));
    const content = database
      .select()
      .from(reusableBlocks)
      .where(eq(reusableBlocks.id, block.id))
      .get()!.content as { title: string; body: unknown };
    expect(content).toEqual({
      title: (block.content as { title: string }).title,
      body: fromPlainText(body, { headings: true }),
    });

    // A second run finds nothing to change.
    const before = JSON.stringify([
      database.select().from(items).all(),
      database.select().from(reusableBlocks).all(),
    ]);
    upgradeRichText(database);
    expect(
      JSON.stringify([
        database.select().from(items).all(),
        database.select().from(reusableBlocks).all(),
      ]),
    ).toBe(before);
  });

  it('runs with the migrations that need it, not at every start', () => {
    const database = testDb();
    seed(database);
    const item = database.select().from(items).get()!;
    database.run(
      sql`update items set teaser = 'Platte tekst.', teaser_doc = '{"type":"doc","content":[]}' where id = ${item.id}`,
    );
    // A restart: nothing left to migrate, so the tables are not scanned.
    migrateDatabase(database);
    const after = database.select().from(items).where(eq(items.id, item.id)).get()!;
    expect(after.teaserDoc).toEqual({ type: 'doc', content: [] });
  });
});
