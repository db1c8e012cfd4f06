import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db';
import { audiences, subscribers, subscriptionThemes, subscriptions, themes } from '@/db/schema';
import { ALL_NEWSLETTERS } from '@/lib/archive/reach-request';
import { audienceLabels } from '@/lib/subscribers/fields';
import { summariesOf } from './issue-results-comparison';
import { weeksIn, type Period, type Week } from './over-time-period';

// A newsletter's readers over time, in counts only: how many signed up, confirmed, left and
// bounced per week, how many read which theme now, and what each sent issue reached. Every
// figure is one aggregate query (grouped in SQLite); nothing is read or kept per reader.

export type WeekFigures = {
  label: string;
  signUps: number;
  confirmations: number;
  unsubscribes: number;
  hardBounces: number;
  softBounces: number;
  complaints: number;
  /** Confirmed by the end of the week and not unsubscribed by then. */
  active: number;
  /** Views of this newsletter's issues in the public archive (bots left out). */
  archiveViews: number;
  /** Searches in the public archive, which searches every newsletter at once. */
  archiveSearches: number;
};

export type Counted = { label: string; count: number };

export type IssueReach = {
  issueId: number;
  number: number;
  sentAt: Date;
  recipients: number;
  delivered: number;
  /** Clicks by people: what looked like a mail scanner is left out. */
  clicks: number;
  archiveViews: number;
};

export type OverTime = {
  weeks: WeekFigures[];
  themes: Counted[];
  audiences: Counted[];
  issues: IssueReach[];
};

type PerWeek = { idx: number; n: number };

/** The weeks as a small table SQLite can join on: (idx, start, stop) in epoch milliseconds. */
function weeksTable(weeks: Week[]): SQL {
  const rows = weeks.map((w, idx) => sql`(${idx}, ${w.start}, ${w.stop})`);
  return sql`weeks(idx, start, stop) as (values ${sql.join(rows, sql`, `)})`;
}

/** Runs `select` (grouped by `w.idx`, counting into `n`) with the weeks table in scope. */
function countPerWeek(database: Tx, weeks: Week[], select: SQL): Map<number, number> {
  const rows = database.all<PerWeek>(sql`with ${weeksTable(weeks)} ${select}`);
  return new Map(rows.map((r) => [r.idx, r.n]));
}

function weeklyChanges(database: Tx, newsletterId: number, weeks: Week[]) {
  const inWeek = (column: SQL) => sql`${column} >= w.start and ${column} < w.stop`;
  const ofSubscriptions = (column: SQL) =>
    countPerWeek(
      database,
      weeks,
      sql`select w.idx as idx, count(*) as n from weeks w
          join subscriptions s on ${inWeek(column)}
          where s.newsletter_id = ${newsletterId} group by w.idx`,
    );
  // An unsubscribe is a consent event (its history survives a later return); an erasure
  // unsubscribes without one, and shows as a subscription ended at the very moment of erasure.
  const unsubscribes = countPerWeek(
    database,
    weeks,
    sql`select idx, sum(n) as n from (
          select w.idx as idx, count(*) as n from weeks w
          join consent_events c on ${inWeek(sql`c.created_at`)}
          where c.newsletter_id = ${newsletterId} and c.kind = 'unsubscribed' group by w.idx
          union all
          select w.idx, count(*) from weeks w
          join subscriptions s on ${inWeek(sql`s.unsubscribed_at`)}
          join subscribers p on p.id = s.subscriber_id and p.erased_at = s.unsubscribed_at
          where s.newsletter_id = ${newsletterId} group by w.idx
        ) group by idx`,
  );
  const active = countPerWeek(
    database,
    weeks,
    sql`select w.idx as idx, count(*) as n from weeks w
        join subscriptions s on s.confirmed_at < w.stop
          and (s.unsubscribed_at is null or s.unsubscribed_at >= w.stop)
        where s.newsletter_id = ${newsletterId} group by w.idx`,
  );
  return {
    signUps: ofSubscriptions(sql`s.created_at`),
    confirmations: ofSubscriptions(sql`s.confirmed_at`),
    unsubscribes,
    active,
  };
}

/** Bounces and complaints on the newsletter's deliveries, per week and kind. */
function weeklyBounces(database: Tx, newsletterId: number, weeks: Week[]) {
  const rows = database.all<PerWeek & { kind: string }>(sql`
    with ${weeksTable(weeks)}
    select w.idx as idx, b.kind as kind, count(*) as n from weeks w
    join bounce_events b on b.received_at >= w.start and b.received_at < w.stop
    join deliveries d on d.id = b.delivery_id
    join issues i on i.id = d.issue_id
    where i.newsletter_id = ${newsletterId} and b.kind in ('hard', 'soft', 'complaint')
    group by w.idx, b.kind`);
  const of = (kind: string) =>
    new Map(rows.filter((r) => r.kind === kind).map((r) => [r.idx, r.n]));
  return { hard: of('hard'), soft: of('soft'), complaint: of('complaint') };
}

/**
 * The public archive per week: views of the newsletter's issues and searches (counted per UTC
 * day, lib/archive/reach-in-server.ts; a day goes to the week its first hour falls in).
 */
function weeklyArchive(database: Tx, newsletterId: number, weeks: Week[]) {
  const dayIn = sql`x.day * 86400000 >= w.start and x.day * 86400000 < w.stop`;
  return {
    views: countPerWeek(
      database,
      weeks,
      sql`select w.idx as idx, sum(x.views) as n from weeks w
          join archive_views x on ${dayIn}
          join issues i on i.id = x.issue_id
          where i.newsletter_id = ${newsletterId} group by w.idx`,
    ),
    searches: countPerWeek(
      database,
      weeks,
      sql`select w.idx as idx, sum(x.searches) as n from weeks w
          join archive_searches x on ${dayIn}
          where x.newsletter_id in (${ALL_NEWSLETTERS}, ${newsletterId}) group by w.idx`,
    ),
  };
}

/** Sign-ups, confirmations, unsubscribes, bounces and readers per ISO week of the period. */
export function subscriberWeeks(database: Tx, newsletterId: number, period: Period): WeekFigures[] {
  const weeks = weeksIn(period);
  if (weeks.length === 0) return [];
  const changes = weeklyChanges(database, newsletterId, weeks);
  const bounces = weeklyBounces(database, newsletterId, weeks);
  const archive = weeklyArchive(database, newsletterId, weeks);
  return weeks.map((week, idx) => ({
    label: week.label,
    signUps: changes.signUps.get(idx) ?? 0,
    confirmations: changes.confirmations.get(idx) ?? 0,
    unsubscribes: changes.unsubscribes.get(idx) ?? 0,
    hardBounces: bounces.hard.get(idx) ?? 0,
    softBounces: bounces.soft.get(idx) ?? 0,
    complaints: bounces.complaint.get(idx) ?? 0,
    active: changes.active.get(idx) ?? 0,
    archiveViews: archive.views.get(idx) ?? 0,
    archiveSearches: archive.searches.get(idx) ?? 0,
  }));
}

/**
 * Active subscriptions now, per theme in the newsletter's order. An archived theme is listed
 * only while readers still have it.
 */
export function activeByTheme(database: Tx, newsletterId: number): Counted[] {
  const rows = database
    .select({
      name: themes.name,
      archivedAt: themes.archivedAt,
      n: count(subscriptions.id),
    })
    .from(themes)
    .leftJoin(subscriptionThemes, eq(subscriptionThemes.themeId, themes.id))
    .leftJoin(
      subscriptions,
      and(
        eq(subscriptions.id, subscriptionThemes.subscriptionId),
        eq(subscriptions.status, 'active'),
      ),
    )
    .where(eq(themes.newsletterId, newsletterId))
    .groupBy(themes.id)
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
  return rows
    .filter((r) => !r.archivedAt || r.n > 0)
    .map((r) => ({ label: r.archivedAt ? `${r.name} (gearchiveerd)` : r.name, count: r.n }));
}

/** Active subscriptions now, per function of the reader, every function listed. */
export function activeByAudience(database: Tx, newsletterId: number): Counted[] {
  const rows = database
    .select({ audience: subscribers.audience, n: count() })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .where(and(eq(subscriptions.newsletterId, newsletterId), eq(subscriptions.status, 'active')))
    .groupBy(subscribers.audience)
    .all();
  const counts = new Map(rows.map((r) => [r.audience, r.n]));
  return audiences.map((a) => ({ label: audienceLabels[a], count: counts.get(a) ?? 0 }));
}

/** The issues sent in the period, oldest first, with what each reached so far. */
export function reachPerIssue(database: Tx, newsletterId: number, period: Period): IssueReach[] {
  const sent = database.all<{ id: number; number: number; sentAt: number; since: number }>(sql`
    select id, number, sent_at as sentAt, coalesce(send_started_at, sent_at) as since
    from issues
    where newsletter_id = ${newsletterId} and status = 'sent'
      and sent_at >= ${period.from.getTime()} and sent_at < ${period.to.getTime()}
    order by sent_at, id`);
  // The same counts as an issue's results compare (lib/stats/issue-results-comparison.ts).
  const summaries = summariesOf(
    database,
    sent.map((i) => ({ id: i.id, title: '', since: i.since })),
  );
  return sent.map((i, index) => {
    const { recipients, delivered, clicks, archiveViews } = summaries[index]!;
    return {
      issueId: i.id,
      number: i.number,
      sentAt: new Date(i.sentAt),
      recipients,
      delivered,
      clicks,
      archiveViews,
    };
  });
}

/** Everything the statistics page and the quarterly report show for one newsletter. */
export function overTime(database: Tx, newsletterId: number, period: Period): OverTime {
  return {
    weeks: subscriberWeeks(database, newsletterId, period),
    themes: activeByTheme(database, newsletterId),
    audiences: activeByAudience(database, newsletterId),
    issues: reachPerIssue(database, newsletterId, period),
  };
}
