/**
 * Full-text search over the public archive.
 *
 * The index is `archive_search`, an FTS5 virtual table made in raw SQL by migration
 * 0005_archive_search (drizzle-kit cannot express virtual tables, so it is not in db/schema.ts):
 * one row per (sent issue, placed item) with the title, teaser and theme name as they were sent
 * (`sent_items`).
 * `indexSentIssue` writes an issue's rows when it becomes 'sent' (and again after a
 * correction); `searchArchive` only returns rows whose issue is still 'sent', so drafts,
 * approved and scheduled issues and items never sent cannot appear in public results.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { escapeHtml } from '@/lib/html';
import { z } from '@/lib/validation';
import { issueTitle } from '@/lib/newsletters/title';

export const ARCHIVE_QUERY_MAX = 200;
export const ARCHIVE_PAGE_SIZE = 20;
// More words than this only make the query slower, never the result better.
const MAX_WORDS = 12;

// Highlight markers FTS5 puts around matches. Control characters an editor cannot type
// (and that indexing strips), so after HTML-escaping they can only be our markers.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** (Re)writes the search rows of one issue from its items as sent: delete, then insert. */
export function indexSentIssue(database: Tx, issueId: number): void {
  // Raw SQL: archive_search is an FTS5 virtual table, which db/schema.ts cannot describe.
  database.run(sql`delete from archive_search where issue_id = ${issueId}`);
  // Same selection as the migration's backfill: one row per item even if it is placed twice,
  // under its section's theme (a lead has none, so the item's own), named as frozen with the
  // items (a correction re-indexes, perhaps after a rename).
  database.run(sql`
    insert into archive_search (title, teaser, theme, issue_id, item_id, theme_id)
    select replace(replace(si.title, char(2), ''), char(3), ''),
           replace(replace(si.teaser, char(2), ''), char(3), ''),
           coalesce((select s2.theme_name from sent_items s2
                     where s2.issue_id = placed.issue_id and s2.theme_id = t.id
                       and s2.theme_name <> '' limit 1), t.name),
           placed.issue_id, placed.item_id, t.id
    from (
      select b.issue_id, b.item_id, max(b.theme_id) as theme_id
      from issue_blocks b
      where b.issue_id = ${issueId} and b.kind in ('lead', 'item')
      group by b.issue_id, b.item_id
    ) placed
    join sent_items si on si.issue_id = placed.issue_id and si.item_id = placed.item_id
    join themes t on t.id = coalesce(placed.theme_id, si.theme_id)`);
}

/**
 * What a reader typed as a safe FTS5 MATCH expression, or null when there is nothing to search
 * for. Every word is quoted, so quotes, `*`, `-`, parentheses, OR, NOT and NEAR are text, never
 * syntax; words are ANDed. The last word matches as a prefix (the reader may still be typing),
 * and so does every word of three letters or more: Dutch glues words together ('belasting'
 * should find 'belastingdienst') and inflects with suffixes ('gemeente', 'gemeenten').
 * Diacritics are the tokenizer's business ('financien' finds 'financiën').
 */
export function toFtsQuery(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > ARCHIVE_QUERY_MAX) return null;
  // The tokenizer splits on everything but letters, digits and marks; so do we, so a quoted
  // word is one token and can never contain a quote.
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word, i) => `"${word}"${i === words.length - 1 || [...word].length >= 3 ? '*' : ''}`)
    .join(' AND ');
}

/** The archive page's search parameters (`?q=…&thema=…&pagina=…`), as Next hands them over. */
export const archiveSearchParams = z.object({
  q: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(ARCHIVE_QUERY_MAX, `Zoek met hoogstens ${ARCHIVE_QUERY_MAX} tekens.`)
      .default(''),
  ),
  thema: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  pagina: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
});
export type ArchiveSearchParams = z.infer<typeof archiveSearchParams>;

function firstValue(value: unknown) {
  return Array.isArray(value) ? value[0] : value;
}

function emptyToUndefined(value: unknown) {
  const first = firstValue(value);
  return first === '' || first == null ? undefined : first;
}

export type ArchiveSearchInput = {
  q: string;
  themeId?: number;
  newsletterId?: number;
  limit: number;
  offset: number;
};

export type ArchiveSearchResult = {
  issueId: number;
  issueNumber: number;
  /** The issue as its newsletter's title pattern calls it. */
  issueTitle: string;
  issueSlug: string;
  newsletterSlug: string;
  newsletterName: string;
  sentAt: Date;
  itemId: number;
  /** The item's anchor in the issue, as the e-mail and archive page render it. */
  anchor: string;
  title: string;
  /** The title as safe HTML with the matches in <mark>. */
  titleHtml: string;
  themeName: string;
  /** A piece of the teaser as safe HTML with the matches in <mark>. */
  snippet: string;
};

type Row = {
  issueId: number;
  itemId: number;
  title: string;
  titleMarked: string;
  themeName: string;
  snippet: string;
  issueNumber: number;
  issueSlug: string;
  sentAt: number;
  newsletterSlug: string;
  newsletterName: string;
  titlePattern: string;
};

/** Sent items matching `q`, best match first (title weighs most), then newest. */
export function searchArchive(
  database: Tx,
  input: ArchiveSearchInput,
): { total: number; results: ArchiveSearchResult[] } {
  const match = toFtsQuery(input.q);
  if (!match) return { total: 0, results: [] };
  // Raw SQL: MATCH, highlight(), snippet() and bm25() on the FTS5 table have no query-builder form.
  const where = sql`archive_search match ${match}
    ${input.themeId == null ? sql`` : sql`and a.theme_id = ${input.themeId}`}
    ${input.newsletterId == null ? sql`` : sql`and i.newsletter_id = ${input.newsletterId}`}`;
  const from = sql`archive_search a
    join issues i on i.id = a.issue_id and i.status = 'sent'
    join newsletters n on n.id = i.newsletter_id`;
  const total = database.get<{ n: number }>(
    sql`select count(*) as n from ${from} where ${where}`,
  ).n;
  if (total === 0 || input.offset >= total) return { total, results: [] };
  const rows = database.all<Row>(sql`
    select a.issue_id as issueId, a.item_id as itemId, a.title as title, a.theme as themeName,
           highlight(archive_search, 0, ${OPEN}, ${CLOSE}) as titleMarked,
           snippet(archive_search, 1, ${OPEN}, ${CLOSE}, '…', 24) as snippet,
           i.number as issueNumber, i.slug as issueSlug, i.sent_at as sentAt,
           n.slug as newsletterSlug, n.name as newsletterName, n.title_pattern as titlePattern
    from ${from}
    where ${where}
    order by bm25(archive_search, 10.0, 3.0, 2.0), i.sent_at desc, a.item_id
    limit ${input.limit} offset ${input.offset}`);
  return {
    total,
    results: rows.map((r) => ({
      issueId: r.issueId,
      issueNumber: r.issueNumber,
      issueTitle: issueTitle(
        { name: r.newsletterName, titlePattern: r.titlePattern },
        r.issueNumber,
      ),
      issueSlug: r.issueSlug,
      newsletterSlug: r.newsletterSlug,
      newsletterName: r.newsletterName,
      sentAt: new Date(r.sentAt),
      itemId: r.itemId,
      anchor: `item-${r.itemId}`,
      title: r.title,
      titleHtml: markedToHtml(r.titleMarked),
      themeName: r.themeName,
      snippet: markedToHtml(r.snippet),
    })),
  };
}

/**
 * Text with FTS5's markers as HTML: everything escaped, then the markers as <mark> tags. Tags
 * are only opened when closed and closed when open, so even a stray marker yields valid HTML.
 */
export function markedToHtml(marked: string): string {
  let open = false;
  let html = '';
  let text = '';
  for (const ch of marked) {
    if (ch !== OPEN && ch !== CLOSE) {
      text += ch;
      continue;
    }
    html += escapeHtml(text);
    text = '';
    if (ch === OPEN && !open) html += '<mark>';
    if (ch === CLOSE && open) html += '</mark>';
    open = ch === OPEN;
  }
  html += escapeHtml(text);
  return open ? `${html}</mark>` : html;
}
