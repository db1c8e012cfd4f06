import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { issueBlocks, issues, items, users } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { LibraryItem, LibraryPage } from '@/lib/issue/library-query';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The library actions called directly, as a forged request would.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createLibraryItem, loadHeldItems, loadLibraryPage, openLibraryItem, updateLibraryItem } =
  await import('./library-actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;
const start = <T>() => idle as ActionState<T>;

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

let draft: typeof issues.$inferSelect;
let themeId: number;
beforeEach(() => {
  state.database = testDb();
  seed(database());
  const u = database().select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  draft = database().select().from(issues).where(eq(issues.status, 'concept')).get()!;
  themeId = database().select().from(items).get()!.themeId;
});

const countItems = () => database().select().from(items).all().length;

describe('who may use the library actions', () => {
  it('answers a request without a session with nothing and writes nothing', async () => {
    state.editor = null;
    const before = countItems();
    const page = await loadLibraryPage(start<LibraryPage>(), { issueId: draft.id });
    expect(page).toEqual({
      status: 'error',
      message: 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.',
    });
    const created = await createLibraryItem(
      start<LibraryItem>(),
      form({ issueId: draft.id, kind: 'news', themeId, title: 'Stiekem' }),
    );
    expect(created.status).toBe('error');
    expect(created.data).toBeUndefined();
    expect((await openLibraryItem(start(), { itemId: 1 })).data).toBeUndefined();
    expect(countItems()).toBe(before);
  });
});

describe('loading the library a page at a time', () => {
  it('refuses input outside the schema with a Dutch message', async () => {
    expect(
      await loadLibraryPage(start<LibraryPage>(), { issueId: draft.id, sort: 'willekeurig' }),
    ).toMatchObject({ status: 'invalid', message: 'Kies een volgorde uit de lijst.' });
    expect(
      await loadLibraryPage(start<LibraryPage>(), {
        issueId: draft.id,
        sort: 'title',
        cursor: { key: 5, id: 1 },
      }),
    ).toMatchObject({
      status: 'invalid',
      message: 'De bibliotheek is intussen veranderd. Laad de pagina opnieuw.',
    });
    expect(await loadLibraryPage(start<LibraryPage>(), { issueId: 9999 })).toMatchObject({
      status: 'invalid',
      message: 'Dit nummer bestaat niet (meer).',
    });
  });

  it('leaves out what the issue holds for “nog niet geplaatst”', async () => {
    const placed = database()
      .select({ id: issueBlocks.itemId })
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, draft.id))
      .all()
      .flatMap((b) => (b.id ? [b.id] : []));
    const page = await loadLibraryPage(start<LibraryPage>(), {
      issueId: draft.id,
      status: 'unplaced',
      placed,
    });
    expect(page.status).toBe('ok');
    expect(page.data!.matching).toBe(page.data!.total - placed.length);
    expect(page.data!.items.filter((i) => placed.includes(i.id))).toEqual([]);
  });
});

describe('the items an issue holds beyond the loaded pages', () => {
  it('are handed out by id, archived ones too, and only of the issue’s newsletter', async () => {
    const archived = database()
      .insert(items)
      .values({
        newsletterId: draft.newsletterId,
        themeId,
        kind: 'news',
        title: 'Oud',
        archivedAt: new Date(),
      })
      .returning()
      .get();
    const result = await loadHeldItems(start<LibraryItem[]>(), {
      issueId: draft.id,
      ids: [archived.id, 999_999],
    });
    expect(result).toMatchObject({ status: 'ok', data: [{ id: archived.id, title: 'Oud' }] });
    expect(
      await loadHeldItems(start<LibraryItem[]>(), { issueId: draft.id, ids: ['x'] }),
    ).toMatchObject({
      status: 'invalid',
      message: 'Deze verwijzing is ongeldig. Laad de pagina opnieuw.',
    });
  });
});

describe('an item written in the side panel', () => {
  it('is checked like on the items page, and refused whole', async () => {
    const before = countItems();
    const result = await createLibraryItem(
      start<LibraryItem>(),
      form({ issueId: draft.id, kind: 'news', themeId, title: '' }),
    );
    expect(result).toMatchObject({
      status: 'invalid',
      fieldErrors: { title: 'Vul een titel in.' },
    });
    expect(countItems()).toBe(before);
  });

  it('lands in the issue’s newsletter and at the top of the library', async () => {
    const result = await createLibraryItem(
      start<LibraryItem>(),
      form({
        issueId: draft.id,
        // Another newsletter in the form is ignored: the item belongs to the issue's.
        newsletterId: 9999,
        kind: 'news',
        themeId,
        title: 'Nieuw vanuit de bouwer',
        teaser: 'Kort en goed.',
      }),
    );
    expect(result).toMatchObject({
      status: 'ok',
      data: { title: 'Nieuw vanuit de bouwer', teaser: 'Kort en goed.', themeId },
    });
    const stored = database().select().from(items).where(eq(items.id, result.data!.id)).get()!;
    expect(stored.newsletterId).toBe(draft.newsletterId);
    const page = await loadLibraryPage(start<LibraryPage>(), { issueId: draft.id });
    expect(page.data!.items[0]!.id).toBe(result.data!.id);
  });
});

describe('editing a placed item’s text in place', () => {
  const placedItem = () => {
    const block = database()
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, draft.id))
      .all()
      .find((b) => b.kind === 'item')!;
    return database().select().from(items).where(eq(items.id, block.itemId!)).get()!;
  };
  const edit = (item: typeof items.$inferSelect, updatedAt: number, title: string) =>
    updateLibraryItem(
      start<LibraryItem>(),
      form({ id: item.id, updatedAt, kind: item.kind, themeId: item.themeId, title }),
    );

  it('saves over the version it opened, and hands back the new title', async () => {
    const item = placedItem();
    const opened = await openLibraryItem(start(), { itemId: item.id });
    expect(opened.data).toMatchObject({ item: { id: item.id, title: item.title } });
    const result = await edit(item, item.updatedAt.getTime(), 'Een betere titel');
    expect(result).toMatchObject({
      status: 'ok',
      data: { id: item.id, title: 'Een betere titel' },
    });
  });

  it('refuses a save over someone else’s newer edit, naming them, and changes nothing', async () => {
    const item = placedItem();
    const other = database()
      .select()
      .from(users)
      .where(eq(users.email, 'hoofdredactie@kopij.test'))
      .get()!;
    database()
      .update(items)
      .set({
        title: 'Hun titel',
        updatedBy: other.id,
        updatedAt: new Date(item.updatedAt.getTime() + 5000),
      })
      .where(eq(items.id, item.id))
      .run();
    const result = await edit(item, item.updatedAt.getTime(), 'Mijn titel');
    expect(result).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(`^${other.name} heeft dit item intussen gewijzigd`),
    });
    expect(database().select().from(items).where(eq(items.id, item.id)).get()!.title).toBe(
      'Hun titel',
    );
  });
});
