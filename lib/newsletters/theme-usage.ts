import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  issueBlocks,
  items,
  newsletters,
  sentItems,
  subscriptions,
  subscriptionThemes,
  themes,
} from '@/db/schema';

/** Everything that refers to a theme; any of it keeps the theme from being deleted. */
export type ThemeUsage = {
  items: number;
  blocks: number;
  sentItems: number;
  subscriptions: number;
};

const counted = (row: { n: number } | undefined) => row?.n ?? 0;

export function themeUsage(tx: Tx, themeId: number): ThemeUsage {
  return {
    items: counted(tx.select({ n: count() }).from(items).where(eq(items.themeId, themeId)).get()),
    blocks: counted(
      tx.select({ n: count() }).from(issueBlocks).where(eq(issueBlocks.themeId, themeId)).get(),
    ),
    sentItems: counted(
      tx.select({ n: count() }).from(sentItems).where(eq(sentItems.themeId, themeId)).get(),
    ),
    // Every subscription counts, also an ended one: its history names the theme.
    subscriptions: counted(
      tx
        .select({ n: count() })
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.themeId, themeId))
        .get(),
    ),
  };
}

export type ThemeRow = {
  id: number;
  name: string;
  slug: string;
  position: number;
  archivedAt: Date | null;
  /** Library items filed under it (archived items too). */
  items: number;
  /** Active subscriptions that follow it. */
  followers: number;
  deletable: boolean;
};

function countBy(rows: { id: number; n: number }[]): Map<number, number> {
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The admin screen's list: every theme of the newsletter in order, with what uses it. */
export function themesWithUsage(tx: Tx, newsletterId: number): ThemeRow[] {
  const list = tx
    .select()
    .from(themes)
    .where(eq(themes.newsletterId, newsletterId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
  const ids = list.map((t) => t.id);
  if (!ids.length) return [];
  const itemCounts = countBy(
    tx
      .select({ id: items.themeId, n: count() })
      .from(items)
      .where(inArray(items.themeId, ids))
      .groupBy(items.themeId)
      .all(),
  );
  const followers = countBy(
    tx
      .select({ id: subscriptionThemes.themeId, n: count() })
      .from(subscriptionThemes)
      .innerJoin(subscriptions, eq(subscriptions.id, subscriptionThemes.subscriptionId))
      .where(and(inArray(subscriptionThemes.themeId, ids), eq(subscriptions.status, 'active')))
      .groupBy(subscriptionThemes.themeId)
      .all(),
  );
  return list.map((t) => {
    const usage = themeUsage(tx, t.id);
    return {
      id: t.id,
      name: t.name,
      slug: t.slug,
      position: t.position,
      archivedAt: t.archivedAt,
      items: itemCounts.get(t.id) ?? 0,
      followers: followers.get(t.id) ?? 0,
      deletable: Object.values(usage).every((n) => n === 0),
    };
  });
}

/** What the themes screen shows: the newsletter's name and its themes; null for an unknown id. */
export function themesScreen(tx: Tx, newsletterId: number) {
  const newsletter = tx
    .select({ id: newsletters.id, name: newsletters.name, slug: newsletters.slug })
    .from(newsletters)
    .where(eq(newsletters.id, newsletterId))
    .get();
  return newsletter ? { newsletter, themes: themesWithUsage(tx, newsletterId) } : null;
}
