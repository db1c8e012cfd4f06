import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { subscribers, subscriptions, subscriptionThemes, themes } from '@/db/schema';
import type { SubscriberFilter } from './admin-filter';
import { filterConditions } from './admin-list';
import { toCsv } from './csv';

/** A subscriber's theme slugs over the newsletters they did not leave, as 'a|b|c'. */
function themeSlugs(database: Db) {
  const slugs = database
    .select({ slugs: sql<string | null>`group_concat(${themes.slug}, '|')` })
    .from(subscriptions)
    .innerJoin(subscriptionThemes, eq(subscriptionThemes.subscriptionId, subscriptions.id))
    .innerJoin(themes, eq(themes.id, subscriptionThemes.themeId))
    .where(
      and(eq(subscriptions.subscriberId, subscribers.id), ne(subscriptions.status, 'unsubscribed')),
    );
  // A correlated subquery as a column: the builder has no form for it but this wrapper.
  return sql<string | null>`${slugs}`;
}

/**
 * The current filter as CSV, oldest first. The columns are the import's, so an exported file
 * can be edited and imported again; themes are slugs, per newsletter subscribed to.
 */
export function subscribersCsv(database: Db, filter: SubscriberFilter): string {
  const rows = database
    .select({
      email: subscribers.email,
      name: subscribers.name,
      municipality: subscribers.municipality,
      audience: subscribers.audience,
      status: subscribers.status,
      themes: themeSlugs(database),
      createdAt: subscribers.createdAt,
    })
    .from(subscribers)
    .where(filterConditions(database, filter))
    .orderBy(asc(subscribers.id))
    .all();
  return toCsv([
    ['email', 'naam', 'gemeente', 'functie', 'themas', 'status', 'aangemeld'],
    ...rows.map((r) => [
      r.email,
      r.name,
      r.municipality,
      r.audience,
      r.themes,
      r.status,
      r.createdAt.toISOString(),
    ]),
  ]);
}
