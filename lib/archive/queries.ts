import { and, asc, count, desc, eq, exists, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { issueBlocks, issues, newsletters, sentItems, themes } from '@/db/schema';
import { emailSource } from '@/lib/email/source';
import { issueEmailProps } from '@/lib/email/render';
import { fromDutchLocal } from '@/lib/format-input';
import { z } from '@/lib/validation';
import { ARCHIVE_YEARS } from './list-key';
import { issueTitle } from '@/lib/newsletters/title';

/**
 * The public archive reads only issues with status 'sent': every query here filters on it, so a
 * draft, approved or scheduled issue has no public URL, however its slug or id is guessed.
 */

export const ARCHIVE_LIST_SIZE = 20;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalInt = (max: number, min = 1) =>
  z.preprocess(
    (v) => (first(v) === '' || first(v) == null ? undefined : first(v)),
    z.coerce.number().int().min(min).max(max).optional(),
  );

/**
 * The list's filters from the query string; anything malformed is ignored, never an error page.
 * Years outside ARCHIVE_YEARS are malformed; a page past a million would overflow the offset.
 */
export const archiveListParams = z.object({
  thema: optionalInt(2 ** 31).catch(undefined),
  jaar: optionalInt(ARCHIVE_YEARS.max, ARCHIVE_YEARS.min).catch(undefined),
  pagina: optionalInt(1_000_000).catch(undefined),
});

export type ArchiveListItem = {
  id: number;
  number: number;
  slug: string;
  subject: string;
  preheader: string;
  sentAt: Date;
  newsletterSlug: string;
  newsletterName: string;
  /** "<name> <number>", or however the newsletter's title pattern calls an issue. */
  title: string;
  themes: string[];
};

// Years as a Dutch reader counts them: an issue sent at 00:30 on 1 January belongs to the new year.
const dutchYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' });
const yearStart = (year: number) => fromDutchLocal(`${year}-01-01T00:00`)!.getTime();

type Filter = { themeId?: number; year?: number; page?: number; newsletterSlug?: string };

/** The sent issues a filter lets through: by newsletter, by year (Dutch time), by theme. */
function sentWhere(database: Tx, filter: Filter) {
  return and(
    eq(issues.status, 'sent'),
    filter.newsletterSlug ? eq(newsletters.slug, filter.newsletterSlug) : undefined,
    filter.year ? gte(issues.sentAt, new Date(yearStart(filter.year))) : undefined,
    filter.year ? lt(issues.sentAt, new Date(yearStart(filter.year + 1))) : undefined,
    filter.themeId
      ? exists(
          database
            .select({ id: issueBlocks.id })
            .from(issueBlocks)
            .where(
              and(
                eq(issueBlocks.issueId, issues.id),
                eq(issueBlocks.kind, 'item'),
                eq(issueBlocks.themeId, filter.themeId),
              ),
            ),
        )
      : undefined,
  );
}

/** A section's theme name as its issue was sent with it; today's name if none was frozen. */
const sentSectionName = sql<string>`coalesce((select ${sentItems.themeName} from ${sentItems}
  where ${sentItems.issueId} = ${issueBlocks.issueId} and ${sentItems.themeId} = ${themes.id}
    and ${sentItems.themeName} <> '' limit 1), ${themes.name})`;

/** A theme's name in the archive's filter: as the latest sent issue with it was sent. */
const latestSentName = sql<string>`coalesce((select ${sentItems.themeName} from ${sentItems}
  join ${issues} on ${issues.id} = ${sentItems.issueId}
  where ${sentItems.themeId} = ${themes.id} and ${issues.status} = 'sent'
    and ${sentItems.themeName} <> '' order by ${issues.sentAt} desc limit 1), ${themes.name})`;

/** The themes each issue has items under, in the newsletter's order, named as sent. */
function themeNames(database: Tx, issueIds: number[]): Map<number, string[]> {
  const names = new Map<number, string[]>();
  if (issueIds.length === 0) return names;
  const rows = database
    .selectDistinct({
      issueId: issueBlocks.issueId,
      name: sentSectionName,
      position: themes.position,
    })
    .from(issueBlocks)
    .innerJoin(themes, eq(themes.id, issueBlocks.themeId))
    .where(and(inArray(issueBlocks.issueId, issueIds), eq(issueBlocks.kind, 'item')))
    .orderBy(asc(themes.position))
    .all();
  for (const r of rows) names.set(r.issueId, [...(names.get(r.issueId) ?? []), r.name]);
  return names;
}

/** Sent issues, newest first, with the themes each covers; by theme and by year (Dutch time). */
export function listSentIssues(database: Tx, filter: Filter) {
  const page = filter.page ?? 1;
  const where = sentWhere(database, filter);
  const total = database
    .select({ n: count() })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(where)
    .get()!.n;
  const rows = database
    .select({
      id: issues.id,
      number: issues.number,
      slug: issues.slug,
      subject: issues.subject,
      preheader: issues.preheader,
      sentAt: issues.sentAt,
      newsletterSlug: newsletters.slug,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(where)
    .orderBy(desc(issues.sentAt), desc(issues.id))
    .limit(ARCHIVE_LIST_SIZE)
    .offset((page - 1) * ARCHIVE_LIST_SIZE)
    .all();
  const names = themeNames(
    database,
    rows.map((r) => r.id),
  );
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / ARCHIVE_LIST_SIZE)),
    issues: rows.map(({ titlePattern, ...r }): ArchiveListItem => ({
      ...r,
      title: issueTitle({ name: r.newsletterName, titlePattern }, r.number),
      sentAt: r.sentAt!,
      themes: names.get(r.id) ?? [],
    })),
  };
}

/** What the filters offer: the themes of sent issues and the years with a sent issue. */
export function archiveFilters(database: Tx) {
  const offered = database
    .selectDistinct({ id: themes.id, name: latestSentName, slug: themes.slug })
    .from(themes)
    .innerJoin(issueBlocks, eq(issueBlocks.themeId, themes.id))
    .innerJoin(issues, eq(issues.id, issueBlocks.issueId))
    .where(eq(issues.status, 'sent'))
    .orderBy(asc(themes.position), asc(themes.name))
    .all();
  const sent = database
    .select({ sentAt: issues.sentAt })
    .from(issues)
    .where(eq(issues.status, 'sent'))
    .all();
  const years = [...new Set(sent.map((r) => Number(dutchYear.format(r.sentAt!))))].sort(
    (a, b) => b - a,
  );
  return { themes: offered, years };
}

/** One sent issue as web content (the e-mail's content, without anything personal), or null. */
export function sentIssue(
  database: Db,
  newsletterSlug: string,
  issueSlug: string,
  publicUrl: string,
) {
  const row = database
    .select({
      id: issues.id,
      slug: issues.slug,
      sentAt: issues.sentAt,
      correctedAt: issues.correctedAt,
      correctionNote: issues.correctionNote,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(
      and(
        eq(newsletters.slug, newsletterSlug),
        eq(issues.slug, issueSlug),
        eq(issues.status, 'sent'),
      ),
    )
    .get();
  if (!row) return null;
  const source = emailSource(database, row.id, publicUrl, { asSent: true });
  if (!source) return null;
  const content = issueEmailProps(source);
  return {
    id: row.id,
    slug: row.slug,
    sentAt: row.sentAt!,
    correctedAt: row.correctedAt,
    correctionNote: row.correctionNote,
    newsletter: source.newsletter,
    url: source.webUrl,
    // The newsletter's own footer, without the reader's personal links (there is no reader here).
    content: {
      ...content,
      footer: content.footer
        ? { text: content.footer.text, lines: content.footer.lines, links: content.footer.links }
        : null,
    },
  };
}
