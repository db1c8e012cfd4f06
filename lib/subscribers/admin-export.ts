import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { subscribers } from '@/db/schema';
import type { SubscriberFilter } from './admin-filter';
import { filterConditions } from './admin-list';
import { toCsv } from './csv';

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
      // Spelled out: drizzle leaves columns in a select list unqualified, and `id` is ambiguous here.
      themes: sql<string | null>`(select group_concat(t.slug, '|') from subscriptions sub
        join subscription_themes st on st.subscription_id = sub.id join themes t on t.id = st.theme_id
        where sub.subscriber_id = "subscribers"."id" and sub.status <> 'unsubscribed')`,
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
