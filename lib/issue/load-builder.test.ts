import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues, items } from '@/db/schema';
import { placedItemIds } from './document';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { loadBuilder } from './load-builder';

describe('the builder’s library', () => {
  it('lists the newest items first, not alphabetically', () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const any = database.select().from(items).get()!;
    const written = (title: string, at: string) =>
      database
        .insert(items)
        .values({
          newsletterId: any.newsletterId,
          themeId: any.themeId,
          kind: 'news',
          title,
          createdAt: new Date(at),
        })
        .run();
    written('Zonnepanelen op gemeentelijk vastgoed', '2030-01-02T10:00:00Z');
    written('Afvalinzameling in de regio', '2030-01-01T10:00:00Z');
    const library = loadBuilder(database, draft.id)!.library;
    expect(library.slice(0, 2).map((i) => i.title)).toEqual([
      'Zonnepanelen op gemeentelijk vastgoed',
      'Afvalinzameling in de regio',
    ]);
  });

  it('opens with one page of 100, and still knows the issue’s own items beyond it', () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const any = database.select().from(items).get()!;
    const before = database.select().from(items).all().length;
    database
      .insert(items)
      .values(
        Array.from({ length: 150 }, (_, n) => ({
          newsletterId: any.newsletterId,
          themeId: any.themeId,
          kind: 'news' as const,
          title: `Later geschreven ${n}`,
          createdAt: new Date(Date.UTC(2030, 0, 1, 0, n)),
        })),
      )
      .run();
    const data = loadBuilder(database, draft.id)!;
    expect(data.libraryPage.ids).toHaveLength(100);
    expect(data.libraryPage.next).not.toBeNull();
    expect(data.libraryPage.total).toBe(before + 150);
    const known = new Set(data.library.map((i) => i.id));
    const placed = [...placedItemIds(data.document)];
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.filter((id) => !known.has(id))).toEqual([]);
    expect(placed.filter((id) => data.libraryPage.ids.includes(id))).toEqual([]);
  });
});
