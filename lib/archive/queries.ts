import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { emailSource } from '@/lib/email/source';
import { issueEmailProps } from '@/lib/email/render';
import { fromDutchLocal } from '@/lib/format-input';
import { z } from '@/lib/validation';

/**
 * The public archive reads only issues with status 'sent': every query here filters on it, so a
 * draft, approved or scheduled issue has no public URL, however its slug or id is guessed.
 */

export const ARCHIVE_LIST_SIZE = 20;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalInt = z.preprocess(
  (v) => (first(v) === '' || first(v) == null ? undefined : first(v)),
  z.coerce.number().int().positive().optional(),
);

/** The list's filters from the query string; anything malformed is ignored, never an error page. */
export const archiveListParams = z.object({
  thema: optionalInt.catch(undefined),
  jaar: optionalInt.catch(undefined),
  pagina: optionalInt.catch(undefined),
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
  themes: string[];
};

// Years as a Dutch reader counts them: an issue sent at 00:30 on 1 January belongs to the new year.
const dutchYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' });
const yearStart = (year: number) => fromDutchLocal(`${year}-01-01T00:00`)!.getTime();

type Row = Omit<ArchiveListItem, 'sentAt' | 'themes'> & { sentAt: number; themes: string | null };

const toItem = (r: Row): ArchiveListItem => ({
  ...r,
  sentAt: new Date(r.sentAt),
  themes: r.themes ? r.themes.split('\u0001') : [],
});

/** Sent issues, newest first, with the themes each covers; by theme and by year (Dutch time). */
export function listSentIssues(
  database: Tx,
  filter: { themeId?: number; year?: number; page?: number; newsletterSlug?: string },
) {
  const page = filter.page ?? 1;
  const where = sql`i.status = 'sent'
    ${filter.newsletterSlug ? sql`and n.slug = ${filter.newsletterSlug}` : sql``}
    ${filter.year ? sql`and i.sent_at >= ${yearStart(filter.year)} and i.sent_at < ${yearStart(filter.year + 1)}` : sql``}
    ${filter.themeId ? sql`and exists (select 1 from issue_blocks b where b.issue_id = i.id and b.kind = 'item' and b.theme_id = ${filter.themeId})` : sql``}`;
  const total = database.get<{ n: number }>(
    sql`select count(*) as n from issues i join newsletters n on n.id = i.newsletter_id where ${where}`,
  ).n;
  const rows = database.all<Row>(sql`
    select i.id, i.number, i.slug, i.subject, i.preheader, i.sent_at as sentAt, n.slug as newsletterSlug, n.name as newsletterName,
      (select group_concat(name, char(1)) from (
         select distinct t.name, t.position from issue_blocks b join themes t on t.id = b.theme_id
         where b.issue_id = i.id and b.kind = 'item' order by t.position)) as themes
    from issues i join newsletters n on n.id = i.newsletter_id
    where ${where}
    order by i.sent_at desc, i.id desc
    limit ${ARCHIVE_LIST_SIZE} offset ${(page - 1) * ARCHIVE_LIST_SIZE}`);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / ARCHIVE_LIST_SIZE)),
    issues: rows.map(toItem),
  };
}

/** What the filters offer: the themes of sent issues and the years with a sent issue. */
export function archiveFilters(database: Tx) {
  const themes = database.all<{ id: number; name: string; slug: string }>(sql`
    select distinct t.id, t.name, t.slug from themes t
    join issue_blocks b on b.theme_id = t.id join issues i on i.id = b.issue_id
    where i.status = 'sent' order by t.position, t.name`);
  const sent = database.all<{ sentAt: number }>(
    sql`select sent_at as sentAt from issues where status = 'sent'`,
  );
  const years = [...new Set(sent.map((r) => Number(dutchYear.format(r.sentAt))))].sort(
    (a, b) => b - a,
  );
  return { themes, years };
}

/** One sent issue as web content (the e-mail's content, without anything personal), or null. */
export function sentIssue(
  database: Db,
  newsletterSlug: string,
  issueSlug: string,
  publicUrl: string,
) {
  const row = database.get<
    | {
        id: number;
        slug: string;
        sentAt: number;
        correctedAt: number | null;
        correctionNote: string | null;
      }
    | undefined
  >(sql`
    select i.id, i.slug, i.sent_at as sentAt, i.corrected_at as correctedAt, i.correction_note as correctionNote from issues i join newsletters n on n.id = i.newsletter_id
    where n.slug = ${newsletterSlug} and i.slug = ${issueSlug} and i.status = 'sent'`);
  if (!row) return null;
  const source = emailSource(database, row.id, publicUrl, { asSent: true });
  if (!source) return null;
  const content = issueEmailProps(source);
  return {
    id: row.id,
    slug: row.slug,
    sentAt: new Date(row.sentAt),
    correctedAt: row.correctedAt ? new Date(row.correctedAt) : null,
    correctionNote: row.correctionNote,
    newsletter: source.newsletter,
    url: source.webUrl,
    content: { ...content, footer: content.footer ? { text: content.footer.text } : null },
  };
}
