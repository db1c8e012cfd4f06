import { and, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { issueBlocks, issues, items, newsletters, sentItems, themes } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { defaultLibraryFilter, libraryFilter, type LibraryFilter } from './library-filter';
import { libraryPage } from './library-query';

type Database = ReturnType<typeof testDb>;

function newsletterWithThemes(database: Database) {
  const newsletterId = database
    .insert(newsletters)
    .values({
      slug: 'zorgpost',
      name: 'Zorgpost',
      organisation: 'Zorg',
      senderName: 'Zorgpost',
      senderEmail: 'zorgpost@zorg.example',
    })
    .returning()
    .get().id;
  const theme = (slug: string, position: number) =>
    database.insert(themes).values({ newsletterId, slug, name: slug, position }).returning().get()
      .id;
  return { newsletterId, wijkzorg: theme('wijkzorg', 1), jeugd: theme('jeugd', 2) };
}

/** Every page of a filter, followed from cursor to cursor. */
function allPages(database: Database, newsletterId: number, filter: Partial<LibraryFilter>) {
  const seen: number[] = [];
  let pages = 0;
  let cursor: LibraryFilter['cursor'] = null;
  do {
    const page = libraryPage(database, newsletterId, {
      ...defaultLibraryFilter,
      ...filter,
      cursor,
    });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.next;
    pages += 1;
  } while (cursor && pages < 100);
  return { seen, pages };
}

describe('paging the library', () => {
  let database: Database;
  let fixture: ReturnType<typeof newsletterWithThemes>;
  let rows: { id: number; title: string; createdAt: Date }[];

  beforeEach(() => {
    database = testDb();
    fixture = newsletterWithThemes(database);
    // 1,200 items, four to a moment (ties the id must break) and titles that repeat in
    // another case, so every sort has ties to get wrong.
    const values = Array.from({ length: 1200 }, (_, n) => ({
      newsletterId: fixture.newsletterId,
      themeId: n % 2 ? fixture.jeugd : fixture.wijkzorg,
      kind: n % 3 ? ('news' as const) : ('podcast' as const),
      title: `${n % 2 ? 'agenda' : 'Agenda'} ${String(n % 250).padStart(3, '0')}`,
      createdAt: new Date(Date.UTC(2030, 0, 1) + Math.floor(((n * 7) % 1200) / 4) * 60_000),
    }));
    for (let i = 0; i < values.length; i += 200)
      database
        .insert(items)
        .values(values.slice(i, i + 200))
        .run();
    rows = database
      .select({ id: items.id, title: items.title, createdAt: items.createdAt })
      .from(items)
      .all();
  });

  it('returns each of 1,200 items exactly once, newest first, in pages of 100', () => {
    const { seen, pages } = allPages(database, fixture.newsletterId, {});
    const expected = [...rows]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .map((r) => r.id);
    expect(pages).toBe(12);
    expect(new Set(seen).size).toBe(1200);
    expect(seen).toEqual(expected);
  });

  it('pages oldest first and by title (case-insensitive, id breaking ties) just as well', () => {
    const oldest = [...rows]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
      .map((r) => r.id);
    expect(allPages(database, fixture.newsletterId, { sort: 'oldest' }).seen).toEqual(oldest);
    const byTitle = [...rows]
      .sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || a.id - b.id)
      .map((r) => r.id);
    expect(allPages(database, fixture.newsletterId, { sort: 'title' }).seen).toEqual(byTitle);
  });

  it('neither repeats nor skips an item when one is written between two pages', () => {
    const first = libraryPage(database, fixture.newsletterId, defaultLibraryFilter);
    const written = database
      .insert(items)
      .values({
        newsletterId: fixture.newsletterId,
        themeId: fixture.jeugd,
        kind: 'news',
        title: 'Net geschreven',
        createdAt: new Date(Date.UTC(2031, 0, 1)),
      })
      .returning()
      .get();
    const second = libraryPage(database, fixture.newsletterId, {
      ...defaultLibraryFilter,
      cursor: first.next,
    });
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(200);
    expect(ids).not.toContain(written.id);
    expect(second.total).toBe(1201);
  });

  it('filters on the server over all items, and counts what matches of all', () => {
    const page = libraryPage(database, fixture.newsletterId, {
      ...defaultLibraryFilter,
      themeId: fixture.jeugd,
      kind: 'podcast',
      query: 'agenda 00',
    });
    const expected = rows.filter((r, n) => r.title.startsWith('agenda 00') && n % 2 && !(n % 3));
    expect(page.matching).toBe(expected.length);
    expect(page.total).toBe(1200);
    expect(page.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(
      expected.map((r) => r.id).sort((a, b) => a - b),
    );
    const placed = rows.slice(0, 5).map((r) => r.id);
    const unplaced = libraryPage(
      database,
      fixture.newsletterId,
      { ...defaultLibraryFilter, status: 'unplaced' },
      placed,
    );
    expect(unplaced.matching).toBe(1195);
    expect(allPages(database, fixture.newsletterId, {}).seen).toEqual(
      expect.arrayContaining(placed),
    );
  });

  it('leaves out archived items and the items of an archived theme', () => {
    database
      .update(items)
      .set({ archivedAt: new Date() })
      .where(inArray(items.id, [rows[0]!.id, rows[2]!.id]))
      .run();
    database
      .update(themes)
      .set({ archivedAt: new Date() })
      .where(eq(themes.id, fixture.jeugd))
      .run();
    const page = libraryPage(database, fixture.newsletterId, defaultLibraryFilter);
    expect(page.total).toBe(598);
    expect(page.items.every((i) => i.themeId === fixture.wijkzorg)).toBe(true);
  });
});

describe('“nog niet verzonden”', () => {
  it('leaves out every item that went out in a sent issue, and only those', () => {
    const database = testDb();
    seed(database);
    const sent = database.select().from(issues).where(eq(issues.status, 'sent')).all();
    const wentOut = new Set(
      database
        .select({ id: sentItems.itemId })
        .from(sentItems)
        .where(
          inArray(
            sentItems.issueId,
            sent.map((i) => i.id),
          ),
        )
        .all()
        .map((r) => r.id),
    );
    const inDraftOnly = database
      .select({ id: issueBlocks.itemId })
      .from(issueBlocks)
      .innerJoin(issues, eq(issues.id, issueBlocks.issueId))
      .where(and(eq(issues.status, 'concept'), eq(issueBlocks.kind, 'item')))
      .all()
      .map((r) => r.id!)
      .filter((id) => !wentOut.has(id));
    expect(wentOut.size).toBeGreaterThan(0);
    expect(inDraftOnly.length).toBeGreaterThan(0);
    const newsletterId = sent[0]!.newsletterId;
    const {
      items: page,
      matching,
      total,
    } = libraryPage(database, newsletterId, {
      ...defaultLibraryFilter,
      status: 'unsent',
    });
    const ids = page.map((i) => i.id);
    expect(ids.filter((id) => wentOut.has(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(inDraftOnly));
    expect(matching).toBe(total - wentOut.size);
  });
});

describe('the filter’s input', () => {
  it('refuses a cursor of another sort, in Dutch', () => {
    const parsed = libraryFilter.safeParse({ sort: 'title', cursor: { key: 1_900_000, id: 3 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'De bibliotheek is intussen veranderd. Laad de pagina opnieuw.',
    );
    expect(libraryFilter.parse({})).toEqual(defaultLibraryFilter);
  });
});
