import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { audiences, type Audience } from '@/lib/enums';
import { issueTitle } from '@/lib/newsletters/title';
import { variantThemes } from '@/lib/send/plan';
import { share } from './chart-data';
import { archiveViewsOf, comparisonOf, type IssueSummary } from './issue-results-comparison';

// What one sent issue reached, from aggregates only: deliveries grouped by variant, audience group
// and status; bounces and consent events counted per kind; clicks per link. Nothing here names a
// reader, and no query returns a row per reader: 100,000 deliveries are one grouped scan.

export type { IssueSummary } from './issue-results-comparison';

export type DeliveryFigures = {
  recipients: number;
  delivered: number;
  failed: number;
  skipped: number;
  /** Queued, waiting for a retry or in flight. */
  waiting: number;
};

export type AfterDelivery = {
  /** Copies that bounced after delivery (one per copy, however many reports came in). */
  hardBounces: number;
  softBounces: number;
  complaints: number;
  /** Readers who unsubscribed through this issue's personal link (page or one-click). */
  linkUnsubscribes: number;
  /** Copies answered with the List-Unsubscribe mailto. */
  mailedUnsubscribes: number;
  preferenceChanges: number;
  pauses: number;
};

/** How a section or link did: `reached` is the delivered copies that held it. */
export type Reach = { reached: number; clicks: number; automated: number; share: number | null };

export type ThemeResult = Reach & { themeId: number; name: string; recipients: number };
export type AudienceResult = {
  audience: Audience;
  recipients: number;
  delivered: number;
};
export type LinkResult = Reach & {
  linkId: number;
  position: number;
  url: string;
  label: string;
  itemId: number | null;
  themeId: number | null;
};
export type ItemResult = Reach & { itemId: number; title: string; themeId: number | null };

export type IssueResults = {
  issue: {
    id: number;
    number: number;
    title: string;
    status: string;
    newsletterId: number;
    sentAt: Date | null;
    sendStartedAt: Date | null;
  };
  delivery: DeliveryFigures;
  after: AfterDelivery;
  themes: ThemeResult[];
  audiences: AudienceResult[];
  items: ItemResult[];
  links: LinkResult[];
  /** Only while the newsletter counts opens; null otherwise. */
  opens: { opens: number; automated: number } | null;
  /** Up to five earlier sent issues of the newsletter and this one, oldest first. */
  comparison: IssueSummary[];
};

type IssueRow = {
  id: number;
  number: number;
  status: string;
  newsletterId: number;
  name: string;
  titlePattern: string;
  openTracking: number;
  sentAt: number | null;
  sendStartedAt: number | null;
};

const ISSUE = (issueId: number) => sql`
  SELECT i.id, i.number, i.status, i.newsletter_id AS newsletterId, n.name,
         n.title_pattern AS titlePattern, n.open_tracking AS openTracking,
         i.sent_at AS sentAt, i.send_started_at AS sendStartedAt
  FROM issues i JOIN newsletters n ON n.id = i.newsletter_id WHERE i.id = ${issueId}`;

// One pass over the issue's deliveries: a small cube (variants × groups × statuses) that every
// delivery figure, theme reach and audience row is summed from. The group is the one frozen on
// the copy at the send's start, and the cube is read from its covering index alone.
const CUBE = (issueId: number) => sql`
  SELECT variant, audience, status, count(*) AS n FROM deliveries
  WHERE issue_id = ${issueId} GROUP BY variant, audience, status`;

// bounce_events has no index on delivery_id; its received_at index bounds the scan to what came
// in after the send started (no bounce can come before), and each event finds its copy in the
// compact (issue, reader) index rather than among the deliveries' rows.
const BOUNCES = (issueId: number, since: number) => sql`
  SELECT b.kind AS kind, count(DISTINCT b.delivery_id) AS n
  FROM bounce_events b CROSS JOIN deliveries d
    ON d.issue_id = ${issueId} AND d.subscriber_id = b.subscriber_id AND d.id = b.delivery_id
  WHERE b.received_at >= ${since} GROUP BY b.kind`;

const CONSENT = (issueId: number) => sql`
  SELECT kind, count(DISTINCT subscriber_id) AS n FROM consent_events
  WHERE issue_id = ${issueId} AND kind IN ('unsubscribed', 'preferences_changed', 'paused') GROUP BY kind`;

const LINKS = (issueId: number) => sql`
  SELECT l.id AS linkId, l.position, l.url, l.label, l.item_id AS itemId, l.theme_id AS themeId,
         coalesce(sum(c.clicks), 0) AS clicks, coalesce(sum(c.automated), 0) AS automated
  FROM issue_links l LEFT JOIN link_clicks c ON c.link_id = l.id
  WHERE l.issue_id = ${issueId} GROUP BY l.id ORDER BY l.position`;

// A theme's name as it was sent (a later rename changes future issues only), else its own.
const THEMES = (issueId: number, newsletterId: number) => sql`
  SELECT t.id, coalesce(nullif(max(si.theme_name), ''), t.name) AS name
  FROM themes t LEFT JOIN sent_items si ON si.theme_id = t.id AND si.issue_id = ${issueId}
  WHERE t.newsletter_id = ${newsletterId} GROUP BY t.id ORDER BY t.position, t.id`;

const ITEMS = (issueId: number) =>
  sql`SELECT item_id AS itemId, title FROM sent_items WHERE issue_id = ${issueId}`;

const OPENS = (issueId: number) => sql`
  SELECT coalesce(sum(opens), 0) AS opens, coalesce(sum(automated), 0) AS automated
  FROM issue_opens WHERE issue_id = ${issueId}`;

type CubeRow = { variant: string; audience: Audience; status: string; n: number };
type Count = { reached: number; recipients: number };

/** The delivery figures, the reach of each theme and each audience group, from the cube. */
function sumCube(rows: CubeRow[]) {
  const delivery: DeliveryFigures = {
    recipients: 0,
    delivered: 0,
    failed: 0,
    skipped: 0,
    waiting: 0,
  };
  const byTheme = new Map<number, Count>();
  const byAudience = new Map<Audience, AudienceResult>();
  for (const row of rows) {
    const sent = row.status === 'sent' ? row.n : 0;
    delivery.recipients += row.n;
    delivery.delivered += sent;
    if (row.status === 'failed') delivery.failed += row.n;
    else if (row.status === 'skipped') delivery.skipped += row.n;
    else if (row.status !== 'sent') delivery.waiting += row.n;
    for (const themeId of variantThemes(row.variant)) {
      const theme = byTheme.get(themeId) ?? { reached: 0, recipients: 0 };
      theme.reached += sent;
      theme.recipients += row.n;
      byTheme.set(themeId, theme);
    }
    const group = byAudience.get(row.audience) ?? {
      audience: row.audience,
      recipients: 0,
      delivered: 0,
    };
    group.recipients += row.n;
    group.delivered += sent;
    byAudience.set(row.audience, group);
  }
  const audienceRows = audiences.flatMap((a) => byAudience.get(a) ?? []);
  return { delivery, byTheme, audiences: audienceRows };
}

const countsByKind = (rows: { kind: string; n: number }[]) =>
  new Map(rows.map((r) => [r.kind, r.n]));

const reach = (reached: number, clicks: number, automated: number): Reach => ({
  reached,
  clicks,
  automated,
  share: share(clicks, reached),
});

type LinkRow = Omit<LinkResult, keyof Reach> & { clicks: number; automated: number };

/** Links, items and themes with their clicks, each measured against the copies that held it. */
function clicksOf(
  linkRows: LinkRow[],
  themeRows: { id: number; name: string }[],
  titles: Map<number, string>,
  byTheme: Map<number, Count>,
  delivered: number,
) {
  // Links outside a theme (the lead, text blocks, buttons) were in every copy.
  const reachedBy = (themeId: number | null) =>
    themeId === null ? delivered : (byTheme.get(themeId)?.reached ?? 0);
  const links = linkRows.map((l) => ({
    ...l,
    ...reach(reachedBy(l.themeId), l.clicks, l.automated),
  }));
  // An item's links were all in the same copies (its section, or every copy for the lead).
  const items = new Map<number, ItemResult>();
  for (const link of links) {
    if (link.itemId === null) continue;
    const item = items.get(link.itemId);
    const clicks = (item?.clicks ?? 0) + link.clicks;
    const automated = (item?.automated ?? 0) + link.automated;
    items.set(link.itemId, {
      itemId: link.itemId,
      title: titles.get(link.itemId) ?? link.label,
      themeId: link.themeId,
      ...reach(link.reached, clicks, automated),
    });
  }
  const themes = themeRows.flatMap((t): ThemeResult[] => {
    const counts = byTheme.get(t.id);
    if (!counts) return [];
    const own = links.filter((l) => l.themeId === t.id);
    const clicks = own.reduce((sum, l) => sum + l.clicks, 0);
    const automated = own.reduce((sum, l) => sum + l.automated, 0);
    return [
      {
        themeId: t.id,
        name: t.name,
        recipients: counts.recipients,
        ...reach(counts.reached, clicks, automated),
      },
    ];
  });
  return { links, items: [...items.values()], themes };
}

/** An issue's results; null when there is no such issue. */
export function issueResults(database: Db, issueId: number): IssueResults | null {
  const issue = database.get<IssueRow | undefined>(ISSUE(issueId));
  if (!issue) return null;
  const cube = sumCube(database.all<CubeRow>(CUBE(issueId)));
  const since = issue.sendStartedAt ?? issue.sentAt ?? 0;
  const bounces = countsByKind(database.all(BOUNCES(issueId, since)));
  const consent = countsByKind(database.all(CONSENT(issueId)));
  const titles = new Map(
    database.all<{ itemId: number; title: string }>(ITEMS(issueId)).map((r) => [r.itemId, r.title]),
  );
  const clicks = clicksOf(
    database.all<LinkRow>(LINKS(issueId)),
    database.all<{ id: number; name: string }>(THEMES(issueId, issue.newsletterId)),
    titles,
    cube.byTheme,
    cube.delivery.delivered,
  );
  const after: AfterDelivery = {
    hardBounces: bounces.get('hard') ?? 0,
    softBounces: bounces.get('soft') ?? 0,
    complaints: bounces.get('complaint') ?? 0,
    linkUnsubscribes: consent.get('unsubscribed') ?? 0,
    mailedUnsubscribes: bounces.get('unsubscribe') ?? 0,
    preferenceChanges: consent.get('preferences_changed') ?? 0,
    pauses: consent.get('paused') ?? 0,
  };
  const title = issueTitle(issue, issue.number);
  const current: IssueSummary = {
    issueId,
    title,
    recipients: cube.delivery.recipients,
    delivered: cube.delivery.delivered,
    bounces: after.hardBounces + after.softBounces,
    clicks: clicks.links.reduce((sum, l) => sum + l.clicks, 0),
    unsubscribes: after.linkUnsubscribes + after.mailedUnsubscribes,
    archiveViews: archiveViewsOf(database, [issueId])[0]?.n ?? 0,
  };
  return {
    issue: {
      id: issue.id,
      number: issue.number,
      title,
      status: issue.status,
      newsletterId: issue.newsletterId,
      sentAt: issue.sentAt === null ? null : new Date(issue.sentAt),
      sendStartedAt: issue.sendStartedAt === null ? null : new Date(issue.sendStartedAt),
    },
    delivery: cube.delivery,
    after,
    ...clicks,
    audiences: cube.audiences,
    opens: issue.openTracking
      ? database.get<{ opens: number; automated: number }>(OPENS(issueId))
      : null,
    comparison: [...comparisonOf(database, issue), current],
  };
}
