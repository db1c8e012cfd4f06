import { asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueBlocks, issues, items, newsletters, themes } from '@/db/schema';
import { documentFromRows } from './storage';

/**
 * An issue with its newsletter (and the newsletter's themes in editorial order) and its blocks
 * in order, each with its item. Three indexed reads on the in-process database: the issue with
 * its newsletter, the themes, the blocks joined to their items.
 */
export function loadIssue(database: Tx, issueId: number) {
  const found = database
    .select({ issue: issues, newsletter: newsletters })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  if (!found) return undefined;
  const newsletterThemes = database
    .select()
    .from(themes)
    .where(eq(themes.newsletterId, found.newsletter.id))
    .orderBy(asc(themes.position))
    .all();
  const blocks = database
    .select({ block: issueBlocks, item: items })
    .from(issueBlocks)
    .leftJoin(items, eq(items.id, issueBlocks.itemId))
    .where(eq(issueBlocks.issueId, issueId))
    .orderBy(asc(issueBlocks.position))
    .all()
    .map(({ block, item }) => ({ ...block, item }));
  return {
    ...found.issue,
    newsletter: { ...found.newsletter, themes: newsletterThemes },
    blocks,
  };
}

export type LoadedIssue = NonNullable<ReturnType<typeof loadIssue>>;

/**
 * The issue as the typed document every part reads (builder, save, send, archive), with the
 * loaded issue and the newsletter's themes beside it.
 */
export function loadIssueDocument(database: Tx, issueId: number) {
  const issue = loadIssue(database, issueId);
  if (!issue) return null;
  // An archived theme takes no new placements: its section is gone from the document, unless
  // the issue already has blocks in it (a sent issue, or a draft from before the archiving),
  // which keep their section rather than vanish.
  const used = new Set(issue.blocks.map((b) => b.themeId));
  const themes = issue.newsletter.themes.filter((t) => !t.archivedAt || used.has(t.id));
  const document = documentFromRows(
    issue,
    themes.map((t) => t.id),
    issue.blocks,
  );
  return { issue, themes, document };
}
