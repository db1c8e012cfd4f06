import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issueBlocks, issues, items, sentItems, themes } from '@/db/schema';
import { placedItemIds } from '@/lib/issue/document';
import { loadBuilder } from '@/lib/issue/load-builder';
import { loadIssueDocument } from '@/lib/issue/load';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { isPlaced, ItemRefusal, removeItem, restoreItem } from './lifecycle';

let database: Db;
const tx = <T>(fn: (t: Db) => T) => database.transaction((t) => fn(t as unknown as Db));
const issueOf = (status: 'concept' | 'sent') =>
  database.select().from(issues).where(eq(issues.status, status)).get()!;
const newItem = () => {
  const theme = database.select().from(themes).get()!;
  return database
    .insert(items)
    .values({ newsletterId: theme.newsletterId, themeId: theme.id, kind: 'news', title: 'Vergist' })
    .returning()
    .get();
};
const item = (id: number) => database.select().from(items).where(eq(items.id, id)).get();

beforeEach(() => {
  database = testDb();
  seed(database);
});

describe('removing an item', () => {
  it('deletes an item that was never placed or sent', () => {
    const fresh = newItem();
    expect(tx((t) => removeItem(t, fresh.id))).toEqual({ outcome: 'deleted', title: 'Vergist' });
    expect(item(fresh.id)).toBeUndefined();
  });

  it('archives a sent item: hidden from the builder’s library, the sent copy untouched', () => {
    const sent = issueOf('sent');
    const draft = issueOf('concept');
    const draftItems = placedItemIds(loadIssueDocument(database, draft.id)!.document);
    const row = database
      .select()
      .from(sentItems)
      .where(eq(sentItems.issueId, sent.id))
      .all()
      .find((r) => !draftItems.has(r.itemId))!;
    const copy = { ...row };
    const result = tx((t) => removeItem(t, row.itemId, new Date('2026-01-01T00:00:00Z')));
    expect(result.outcome).toBe('archived');
    expect(item(row.itemId)!.archivedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(
      database
        .select()
        .from(sentItems)
        .where(eq(sentItems.itemId, row.itemId))
        .all()
        .find((r) => r.issueId === sent.id),
    ).toEqual(copy);
    expect(loadBuilder(database, draft.id)!.library.map((i) => i.id)).not.toContain(row.itemId);
    // The sent issue still shows it: an issue's own items stay in its builder data.
    expect(loadBuilder(database, sent.id)!.library.map((i) => i.id)).toContain(row.itemId);
    tx((t) => restoreItem(t, row.itemId));
    expect(item(row.itemId)!.archivedAt).toBeNull();
    expect(() => tx((t) => restoreItem(t, row.itemId))).toThrow(
      'Dit item staat al in de bibliotheek.',
    );
  });

  it('refuses an item placed in a draft, naming the issue, and changes nothing', () => {
    const draft = issueOf('concept');
    const placed = [...placedItemIds(loadIssueDocument(database, draft.id)!.document)][0]!;
    const before = item(placed);
    expect(() => tx((t) => removeItem(t, placed))).toThrow(ItemRefusal);
    expect(() => tx((t) => removeItem(t, placed))).toThrow(
      `Dit item staat in Raadsbericht ${draft.number} (concept).`,
    );
    expect(item(placed)).toEqual(before);
    expect(tx((t) => isPlaced(t, placed))).toBe(true);
  });

  it('refuses a fresh item placed in a new draft only, and deletes it once taken out', () => {
    const fresh = newItem();
    const draft = issueOf('concept');
    database
      .insert(issueBlocks)
      .values({
        issueId: draft.id,
        kind: 'item',
        themeId: fresh.themeId,
        itemId: fresh.id,
        position: 'zz',
      })
      .run();
    expect(() => tx((t) => removeItem(t, fresh.id))).toThrow(/Raadsbericht \d+ \(concept\)/);
    database.delete(issueBlocks).where(eq(issueBlocks.itemId, fresh.id)).run();
    expect(tx((t) => removeItem(t, fresh.id)).outcome).toBe('deleted');
  });
});
