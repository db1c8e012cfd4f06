import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  issueBlocks,
  issues,
  items,
  newsletters,
  sentItems,
  themes,
  users,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The item actions called directly, as a forged request would.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { removeItemAction, updateItem } = await import('./actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

let other: { newsletterId: number; themeId: number };
beforeEach(() => {
  state.database = testDb();
  seed(database());
  const u = database().select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  const newsletterId = database()
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
  const themeId = database()
    .insert(themes)
    .values({ newsletterId, slug: 'wijkzorg', name: 'Wijkzorg', position: 1 })
    .returning()
    .get().id;
  other = { newsletterId, themeId };
});

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const edit = (item: typeof items.$inferSelect, change: Record<string, string | number>) =>
  updateItem(
    idle,
    form({ id: item.id, kind: item.kind, themeId: item.themeId, title: item.title, ...change }),
  ).catch((e: { to?: string }) => ({ status: 'redirect', to: e.to }));

describe('an item’s newsletter', () => {
  it('moves an unplaced item to another newsletter with a theme of that newsletter', async () => {
    const item = database()
      .insert(items)
      .values({
        newsletterId: database().select().from(newsletters).get()!.id,
        themeId: database().select().from(themes).get()!.id,
        kind: 'news',
        title: 'Verkeerde nieuwsbrief',
      })
      .returning()
      .get();
    expect(await edit(item, { newsletterId: other.newsletterId })).toMatchObject({
      status: 'invalid',
      fieldErrors: { themeId: 'Kies een thema van deze nieuwsbrief.' },
    });
    expect(
      await edit(item, { newsletterId: other.newsletterId, themeId: other.themeId }),
    ).toMatchObject({ status: 'redirect' });
    expect(database().select().from(items).where(eq(items.id, item.id)).get()).toMatchObject({
      newsletterId: other.newsletterId,
      themeId: other.themeId,
    });
  });

  it('refuses to move an item once it is placed in an issue, and changes nothing', async () => {
    const placed = database().select().from(issueBlocks).where(eq(issueBlocks.kind, 'item')).get()!;
    const item = database().select().from(items).where(eq(items.id, placed.itemId!)).get()!;
    const result = await edit(item, { newsletterId: other.newsletterId, themeId: other.themeId });
    expect(result).toMatchObject({
      status: 'invalid',
      message: 'Dit item staat al in een nummer en kan niet naar een andere nieuwsbrief.',
    });
    expect(database().select().from(items).where(eq(items.id, item.id)).get()).toEqual(item);
  });
});

describe('two editors on one item', () => {
  it('refuses a save from a form opened before the other editor saved', async () => {
    const item = database().select().from(items).get()!;
    const opened = item.updatedAt.getTime();
    expect(await edit(item, { updatedAt: opened, title: 'Eerste' })).toMatchObject({
      status: 'redirect',
    });
    const result = await edit(item, { updatedAt: opened, title: 'Tweede' });
    expect(result).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('heeft dit item intussen gewijzigd'),
    });
    expect(database().select().from(items).where(eq(items.id, item.id)).get()!.title).toBe(
      'Eerste',
    );
  });
});

describe('removing an item through the action', () => {
  it('archives a sent item and logs it; refuses one in the draft naming it', async () => {
    const draft = database().select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const inDraft = new Set(
      database()
        .select()
        .from(issueBlocks)
        .where(eq(issueBlocks.issueId, draft.id))
        .all()
        .flatMap((b) => (b.itemId ? [b.itemId] : [])),
    );
    const refused = await removeItemAction(idle, { id: [...inDraft][0] });
    expect(refused).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(
        `^Dit item staat in Raadsbericht ${draft.number} \\(concept\\)`,
      ),
    });
    const sentOnly = database()
      .select()
      .from(sentItems)
      .all()
      .find((r) => !inDraft.has(r.itemId))!.itemId;
    const archived = await removeItemAction(idle, { id: sentOnly }).catch((e) => e);
    expect(archived.to).toBe('/redactie/items?gearchiveerd=1');
    const log = database()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'item.archived'))
      .all();
    expect(log).toMatchObject([{ entityId: String(sentOnly) }]);
    const kept = database().select().from(items).where(eq(items.id, sentOnly)).get()!;
    expect(kept.archivedAt).not.toBeNull();
  });
});
