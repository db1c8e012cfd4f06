import { and, asc, count, desc, eq, exists, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { subscribers, subscriptions, subscriptionThemes } from '@/db/schema';
import { contains } from '@/lib/like';
import type { SubscriberFilter } from './admin-filter';

// The editors' subscriber list. Takes the database as an argument so the bench measures the
// very query the page runs; the page reaches it through the server-only ./queries.

export const PAGE_SIZE = 50;

/** Every condition of the filter; subscription filters meet in one subscription row. */
export function filterConditions(database: Db, filter: SubscriberFilter): SQL | undefined {
  const q = filter.q?.toLowerCase();
  const bySubscription = filter.subscription || filter.themeId || filter.newsletterId;
  return and(
    filter.status ? eq(subscribers.status, filter.status) : undefined,
    filter.audience ? eq(subscribers.audience, filter.audience) : undefined,
    q ? or(contains(subscribers.email, q), contains(subscribers.name, q)) : undefined,
    bySubscription
      ? exists(
          database
            .select({ id: subscriptions.id })
            .from(subscriptions)
            .where(
              and(
                eq(subscriptions.subscriberId, subscribers.id),
                filter.newsletterId
                  ? eq(subscriptions.newsletterId, filter.newsletterId)
                  : undefined,
                filter.subscription ? eq(subscriptions.status, filter.subscription) : undefined,
                filter.themeId
                  ? exists(
                      database
                        .select({ id: subscriptionThemes.themeId })
                        .from(subscriptionThemes)
                        .where(
                          and(
                            eq(subscriptionThemes.subscriptionId, subscriptions.id),
                            eq(subscriptionThemes.themeId, filter.themeId),
                          ),
                        ),
                    )
                  : undefined,
              ),
            ),
        )
      : undefined,
  );
}

export type SubscriberRow = Awaited<ReturnType<typeof listSubscribers>>['rows'][number];

/**
 * One page, newest first, by keyset on the id: the cost of a page does not grow with how far
 * an editor has paged, unlike an offset. `after` pages towards older rows, `before` back.
 */
export function listSubscribers(
  database: Db,
  filter: SubscriberFilter,
  cursor: { after?: number; before?: number } = {},
  limit = PAGE_SIZE,
) {
  const backwards = !cursor.after && !!cursor.before;
  const rows = database
    .select({
      id: subscribers.id,
      email: subscribers.email,
      name: subscribers.name,
      municipality: subscribers.municipality,
      audience: subscribers.audience,
      status: subscribers.status,
      createdAt: subscribers.createdAt,
    })
    .from(subscribers)
    .where(
      and(
        filterConditions(database, filter),
        cursor.after ? lt(subscribers.id, cursor.after) : undefined,
        backwards ? gt(subscribers.id, cursor.before!) : undefined,
      ),
    )
    .orderBy(backwards ? asc(subscribers.id) : desc(subscribers.id))
    .limit(limit + 1)
    .all();
  // One extra row tells whether there is a page beyond this one in the direction of travel.
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0]?.id;
  const last = page.at(-1)?.id;
  return {
    rows: page,
    next: (backwards ? page.length > 0 : more) ? last : undefined,
    previous: (backwards ? more : !!cursor.after) ? first : undefined,
  };
}

export function countSubscribers(database: Db, filter: SubscriberFilter): number {
  return database
    .select({ n: count() })
    .from(subscribers)
    .where(filterConditions(database, filter))
    .get()!.n;
}
