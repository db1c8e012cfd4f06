import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { newsletters, subscribers, subscriptions, subscriptionThemes, themes } from '@/db/schema';
import type { TokenClaims } from './tokens';

/**
 * The newsletter a public form is for: by slug (archived ones too: their readers still get fresh
 * links; sign-up refuses them, lib/subscribers/sign-up.ts), or without one the first active one.
 */
export function publicNewsletter(slug?: string) {
  const query = db()
    .select({
      id: newsletters.id,
      slug: newsletters.slug,
      name: newsletters.name,
      description: newsletters.description,
      organisation: newsletters.organisation,
      privacyUrl: newsletters.privacyUrl,
      archivedAt: newsletters.archivedAt,
    })
    .from(newsletters);
  return (
    slug
      ? query.where(eq(newsletters.slug, slug))
      : query.where(isNull(newsletters.archivedAt)).orderBy(asc(newsletters.id))
  ).get();
}

export type PublicNewsletter = NonNullable<ReturnType<typeof publicNewsletter>>;

export function newsletterById(id: number) {
  return db()
    .select({ id: newsletters.id, slug: newsletters.slug, name: newsletters.name })
    .from(newsletters)
    .where(eq(newsletters.id, id))
    .get();
}

/** The themes a reader can choose: archived ones are gone from sign-up and preferences. */
export function themesOf(newsletterId: number) {
  return db()
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(and(eq(themes.newsletterId, newsletterId), isNull(themes.archivedAt)))
    .orderBy(asc(themes.position))
    .all();
}

export function archivedThemeIdsOf(newsletterId: number): Set<number> {
  const rows = db()
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.newsletterId, newsletterId), isNotNull(themes.archivedAt)))
    .all();
  return new Set(rows.map((t) => t.id));
}

/** What the preferences page shows: never more than the link's own subscription. */
export function preferencesOf(claims: TokenClaims) {
  const row = db()
    .select({
      email: subscribers.email,
      pendingEmail: subscribers.pendingEmail,
      name: subscribers.name,
      audience: subscribers.audience,
      subscriptionId: subscriptions.id,
      status: subscriptions.status,
      pausedUntil: subscriptions.pausedUntil,
    })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .where(
      and(
        eq(subscriptions.subscriberId, claims.subscriberId),
        eq(subscriptions.newsletterId, claims.newsletterId),
      ),
    )
    .get();
  if (!row) return undefined;
  const themeIds = db()
    .select({ id: subscriptionThemes.themeId })
    .from(subscriptionThemes)
    .where(eq(subscriptionThemes.subscriptionId, row.subscriptionId))
    .all()
    .map((t) => t.id);
  // A pause whose end has passed is over, even before anything rewrites the row.
  const pauseRunning =
    row.status === 'paused' && !!row.pausedUntil && row.pausedUntil.getTime() > Date.now();
  return { ...row, themeIds, pauseRunning };
}

export function subscriptionStatusOf(claims: TokenClaims) {
  return db()
    .select({ status: subscriptions.status, confirmedAt: subscriptions.confirmedAt })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.subscriberId, claims.subscriberId),
        eq(subscriptions.newsletterId, claims.newsletterId),
      ),
    )
    .get();
}
