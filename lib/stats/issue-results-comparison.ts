import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueTitle } from '@/lib/newsletters/title';

// The newsletter's five sent issues before this one, in the few numbers a board compares:
// reach, bounces, clicks and unsubscribes. Which links a reader clicked is not kept, so "unique
// clicks" cannot be known; clicks per delivered copy stands in for it.

export type IssueSummary = {
  issueId: number;
  title: string;
  recipients: number;
  delivered: number;
  /** Copies that bounced after delivery, hard or soft. */
  bounces: number;
  /** Clicks by people (mail scanners left out). */
  clicks: number;
  /** Through the issue's personal link and by the List-Unsubscribe mailto. */
  unsubscribes: number;
  /** Views of the issue in the public archive, bots left out. */
  archiveViews: number;
};

const COMPARED = 5;

type Current = {
  id: number;
  number: number;
  newsletterId: number;
  name: string;
  titlePattern: string;
};

const listOf = (ids: number[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Archive views per issue, for the issues given. */
export const archiveViewsOf = (database: Tx, ids: number[]) =>
  database.all<{ id: number; n: number }>(
    sql`SELECT issue_id AS id, sum(views) AS n FROM archive_views
        WHERE issue_id IN (${listOf(ids)}) GROUP BY issue_id`,
  );

/** The earlier sent issues' summaries, oldest first (at most five). */
export function comparisonOf(database: Tx, current: Current): IssueSummary[] {
  const earlier = database
    .all<{ id: number; number: number; since: number | null }>(
      sql`SELECT id, number, coalesce(send_started_at, sent_at) AS since FROM issues
          WHERE newsletter_id = ${current.newsletterId} AND status = 'sent'
            AND number < ${current.number}
          ORDER BY number DESC LIMIT ${COMPARED}`,
    )
    .reverse();
  return summariesOf(
    database,
    earlier.map((i) => ({ id: i.id, title: issueTitle(current, i.number), since: i.since })),
  );
}

/**
 * Each issue's summary, in the order given: a few grouped queries over all of them. `since`:
 * when its send started (no bounce for it came in before).
 */
export function summariesOf(
  database: Tx,
  issues: { id: number; title: string; since: number | null }[],
): IssueSummary[] {
  if (issues.length === 0) return [];
  const ids = issues.map((i) => i.id);
  const list = listOf(ids);
  const since = Math.min(...issues.map((i) => i.since ?? 0));
  const summaries = new Map<number, IssueSummary>(
    issues.map((i) => [
      i.id,
      {
        issueId: i.id,
        title: i.title,
        recipients: 0,
        delivered: 0,
        bounces: 0,
        clicks: 0,
        unsubscribes: 0,
        archiveViews: 0,
      },
    ]),
  );
  // Grouped in the order of the (issue_id, status) index: no sort, no table rows read.
  for (const r of database.all<{ id: number; status: string; n: number }>(
    sql`SELECT issue_id AS id, status, count(*) AS n FROM deliveries
        WHERE issue_id IN (${list}) GROUP BY issue_id, status`,
  )) {
    const summary = summaries.get(r.id)!;
    summary.recipients += r.n;
    if (r.status === 'sent') summary.delivered += r.n;
  }
  for (const r of database.all<{ id: number; kind: string; n: number }>(
    // Each event looked up in the compact (issue, reader) index, once per compared issue: the
    // planner would read every event's delivery row instead, twice as slow at 100,000 readers.
    sql`SELECT d.issue_id AS id, b.kind AS kind, count(DISTINCT b.delivery_id) AS n
     FROM bounce_events b CROSS JOIN deliveries d INDEXED BY deliveries_issue_subscriber_idx
       ON d.issue_id IN (${list}) AND d.subscriber_id = b.subscriber_id AND d.id = b.delivery_id
     WHERE b.received_at >= ${since} AND b.kind IN ('hard', 'soft', 'unsubscribe')
     GROUP BY d.issue_id, b.kind`,
  )) {
    const summary = summaries.get(r.id)!;
    if (r.kind === 'unsubscribe') summary.unsubscribes += r.n;
    else summary.bounces += r.n;
  }
  for (const r of database.all<{ id: number; n: number }>(
    sql`SELECT l.issue_id AS id, sum(c.clicks) AS n FROM issue_links l
     JOIN link_clicks c ON c.link_id = l.id WHERE l.issue_id IN (${list}) GROUP BY l.issue_id`,
  ))
    summaries.get(r.id)!.clicks += r.n;
  for (const r of database.all<{ id: number; n: number }>(
    sql`SELECT issue_id AS id, count(DISTINCT subscriber_id) AS n FROM consent_events
     WHERE kind = 'unsubscribed' AND issue_id IN (${list}) GROUP BY issue_id`,
  ))
    summaries.get(r.id)!.unsubscribes += r.n;
  for (const r of archiveViewsOf(database, ids)) summaries.get(r.id)!.archiveViews += r.n;
  return [...summaries.values()];
}
