import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { archiveSearches, archiveViews } from '@/db/schema';
import { ALL_NEWSLETTERS } from './reach-request';

// The archive's own reach as the results and statistics pages read it: page views per archived
// issue (its items' pages included; bots, prefetches and unsent issues never counted) and
// searches per day. Counted by the web server (lib/archive/reach-in-server.ts), nothing about readers.

export { ALL_NEWSLETTERS };

/** Page views per issue, all days together; an issue without any is 0. */
export function archiveViewsByIssue(database: Db, issueIds: number[]): Map<number, number> {
  const views = new Map(issueIds.map((id) => [id, 0]));
  if (issueIds.length === 0) return views;
  const rows = database
    .select({ issueId: archiveViews.issueId, views: sql<number>`sum(${archiveViews.views})` })
    .from(archiveViews)
    .where(inArray(archiveViews.issueId, issueIds))
    .groupBy(archiveViews.issueId)
    .all();
  for (const row of rows) views.set(row.issueId, row.views);
  return views;
}

/**
 * Archive searches per day (days since 1970, UTC; lib/stats/tally.ts epochDay), oldest first,
 * only the days with searches. The archive's search covers every newsletter: ALL_NEWSLETTERS.
 */
export function archiveSearchesByDay(
  database: Db,
  options: { newsletterId?: number; fromDay?: number; toDay?: number } = {},
): { day: number; searches: number }[] {
  const { newsletterId = ALL_NEWSLETTERS, fromDay, toDay } = options;
  return database
    .select({ day: archiveSearches.day, searches: archiveSearches.searches })
    .from(archiveSearches)
    .where(
      and(
        eq(archiveSearches.newsletterId, newsletterId),
        fromDay === undefined ? undefined : gte(archiveSearches.day, fromDay),
        toDay === undefined ? undefined : lte(archiveSearches.day, toDay),
      ),
    )
    .orderBy(asc(archiveSearches.day))
    .all();
}
