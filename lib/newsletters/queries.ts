import 'server-only';
import { asc, count, eq, isNull, or } from 'drizzle-orm';
import { db } from '@/db';
import { issues, newsletters, subscriptions, themes } from '@/db/schema';

/**
 * The newsletters, ordered by name. Archived ones take no new issues or sign-ups, so pickers
 * that start something new leave them out (the default); lists of what exists ask for them too.
 */
export function listNewsletters({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  return db()
    .select()
    .from(newsletters)
    .where(includeArchived ? undefined : isNull(newsletters.archivedAt))
    .orderBy(asc(newsletters.name))
    .all();
}

/** The newsletter id from a URL segment, or undefined for anything that is not one. */
export function newsletterIdOf(raw: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}

/** One newsletter by id, archived or not. */
export function getNewsletter(newsletterId: number) {
  return db().select().from(newsletters).where(eq(newsletters.id, newsletterId)).get();
}

/** The admin list: every newsletter with how many issues and active subscriptions it has. */
export function newsletterOverview() {
  const database = db();
  const issueCounts = new Map(
    database
      .select({ id: issues.newsletterId, n: count() })
      .from(issues)
      .groupBy(issues.newsletterId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const subscriberCounts = new Map(
    database
      .select({ id: subscriptions.newsletterId, n: count() })
      .from(subscriptions)
      .where(eq(subscriptions.status, 'active'))
      .groupBy(subscriptions.newsletterId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return listNewsletters({ includeArchived: true }).map((n) => ({
    ...n,
    issueCount: issueCounts.get(n.id) ?? 0,
    subscriberCount: subscriberCounts.get(n.id) ?? 0,
  }));
}

/**
 * Newsletters with their themes, by name and in theme order. `active`: only what still takes
 * readers and items, without archived newsletters and themes, except the ones in `keep` (the
 * newsletter and theme an item already has, so editing it does not move it unasked);
 * otherwise all of them (the subscriber list's filters).
 */
export function newslettersWithThemes({
  active = false,
  keep,
}: { active?: boolean; keep?: { newsletterId: number; themeId: number } } = {}) {
  const all = db()
    .select({ id: newsletters.id, slug: newsletters.slug, name: newsletters.name })
    .from(newsletters)
    .where(
      active
        ? or(isNull(newsletters.archivedAt), eq(newsletters.id, keep?.newsletterId ?? 0))
        : undefined,
    )
    .orderBy(asc(newsletters.name))
    .all();
  const allThemes = db()
    .select({ id: themes.id, name: themes.name, newsletterId: themes.newsletterId })
    .from(themes)
    .where(active ? or(isNull(themes.archivedAt), eq(themes.id, keep?.themeId ?? 0)) : undefined)
    .orderBy(asc(themes.position))
    .all();
  return all.map((n) => ({ ...n, themes: allThemes.filter((t) => t.newsletterId === n.id) }));
}
