import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueBlocks, issues, items, media, reusableBlocks, themes, users } from '@/db/schema';
import { allBlocks, type IssueDocument } from './document';
import { dropFrozenItems } from './sent-items';
import { saveBlocks } from './storage';

export type SaveResult =
  | { status: 'ok'; version: number; savedAt: number }
  | { status: 'conflict'; version: number; changedBy: string; changedAt: number }
  | { status: 'invalid'; message: string }
  | { status: 'locked'; message: string };

const editable = new Set(['concept', 'review', 'approved']);

function allOfNewsletter(
  tx: Tx,
  table: typeof items | typeof reusableBlocks | typeof media,
  ids: number[],
  newsletterId: number,
): boolean {
  if (!ids.length) return true;
  const found = tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.newsletterId, newsletterId), inArray(table.id, ids)))
    .all();
  return found.length === ids.length;
}

type StoredIssue = typeof issues.$inferSelect;

/** Someone saved since the editor loaded the issue: who, and when. */
function conflict(tx: Tx, issue: StoredIssue): SaveResult {
  const by = issue.updatedBy
    ? tx
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, issue.updatedBy))
        .get()
    : undefined;
  return {
    status: 'conflict',
    version: issue.version,
    changedBy: by?.name ?? by?.email ?? 'een andere redacteur',
    changedAt: issue.updatedAt.getTime(),
  };
}

/**
 * The name of an archived theme whose section got a block it did not have (a builder opened
 * before the archiving); blocks already there may stay and move within the issue.
 */
function newInArchivedTheme(
  tx: Tx,
  issueId: number,
  doc: IssueDocument,
  newsletterThemes: { id: number; name: string; archivedAt: Date | null }[],
): string | null {
  for (const theme of newsletterThemes.filter((t) => t.archivedAt)) {
    const ids = doc.sections.find((s) => s.themeId === theme.id)?.blocks.map((b) => b.id) ?? [];
    if (!ids.length) continue;
    const stored = tx
      .select({ id: issueBlocks.id })
      .from(issueBlocks)
      .where(and(eq(issueBlocks.issueId, issueId), eq(issueBlocks.themeId, theme.id)))
      .all();
    const had = new Set(stored.map((b) => b.id));
    if (ids.some((id) => !had.has(id))) return theme.name;
  }
  return null;
}

/**
 * What in the document does not belong to this issue's newsletter (an item, a theme, a reusable
 * block) or to this issue (a block of another issue); null when every reference is sound.
 */
function foreignReference(tx: Tx, issue: StoredIssue, doc: IssueDocument): string | null {
  const itemIds = [
    ...new Set(
      allBlocks(doc).flatMap((b) => (b.kind === 'lead' || b.kind === 'item' ? [b.itemId] : [])),
    ),
  ];
  if (!allOfNewsletter(tx, items, itemIds, issue.newsletterId))
    return 'Het nummer bevat een item dat niet bij deze nieuwsbrief hoort.';
  const themeIds = tx
    .select({ id: themes.id, name: themes.name, archivedAt: themes.archivedAt })
    .from(themes)
    .where(eq(themes.newsletterId, issue.newsletterId))
    .all();
  const known = new Set(themeIds.map((t) => t.id));
  if (doc.sections.some((s) => !known.has(s.themeId)))
    return 'Het nummer bevat een thema dat niet bij deze nieuwsbrief hoort.';
  const archived = newInArchivedTheme(tx, issue.id, doc, themeIds);
  if (archived) return `Het thema ${archived} is gearchiveerd en neemt geen nieuwe items meer op.`;
  const reusableIds = [
    ...new Set(doc.extras.flatMap((b) => (b.reusableBlockId ? [b.reusableBlockId] : []))),
  ];
  if (!allOfNewsletter(tx, reusableBlocks, reusableIds, issue.newsletterId))
    return 'Het nummer bevat een vast blok dat niet bij deze nieuwsbrief hoort.';
  const mediaIds = [
    ...new Set(
      doc.extras.flatMap((b) =>
        b.kind === 'image' && b.content.mediaId ? [b.content.mediaId] : [],
      ),
    ),
  ];
  if (!allOfNewsletter(tx, media, mediaIds, issue.newsletterId))
    return 'Het nummer bevat een afbeelding die niet in de mediabibliotheek van deze nieuwsbrief staat.';
  const blockIds = allBlocks(doc).map((b) => b.id);
  const taken = tx
    .select({ id: issueBlocks.id, issueId: issueBlocks.issueId })
    .from(issueBlocks)
    .where(inArray(issueBlocks.id, blockIds))
    .all()
    .some((b) => b.issueId !== issue.id);
  return taken ? 'Het nummer bevat een blok van een ander nummer.' : null;
}

/**
 * Saves a whole issue document if it was based on the stored version. The document is
 * already shape-checked (zod); here every reference is checked against the database: items,
 * themes and reusable blocks of this newsletter, block ids not used by another issue.
 */
export function saveIssueDocument(
  tx: Tx,
  input: { issueId: number; version: number; document: IssueDocument; editorId: string },
): SaveResult {
  const issue = tx.select().from(issues).where(eq(issues.id, input.issueId)).get();
  if (!issue) return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
  if (!editable.has(issue.status))
    return {
      status: 'locked',
      message: 'Dit nummer is ingepland of verzonden en kan niet meer worden gewijzigd.',
    };
  if (issue.version !== input.version) return conflict(tx, issue);
  const doc = input.document;
  const problem = foreignReference(tx, issue, doc);
  if (problem) return { status: 'invalid', message: problem };

  saveBlocks(tx, issue.id, doc);
  // The items' texts frozen at approval go with the approval (sent-items.ts).
  if (issue.status === 'approved') dropFrozenItems(tx, issue.id);
  const now = new Date();
  const version = issue.version + 1;
  tx.update(issues)
    .set({
      subject: doc.subject,
      preheader: doc.preheader,
      version,
      updatedBy: input.editorId,
      updatedAt: now,
      contentChangedAt: now,
      contentChangedBy: input.editorId,
      // Any change to reviewed or approved content needs a fresh review.
      status: 'concept',
      approvedAt: null,
      approvedBy: null,
    })
    .where(eq(issues.id, issue.id))
    .run();
  return { status: 'ok', version, savedAt: now.getTime() };
}
