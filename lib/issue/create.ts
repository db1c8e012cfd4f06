import { eq, max } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Tx } from '@/db';
import { issueBlocks, issues } from '@/db/schema';
import { startBlocks } from './reusable-blocks';
import { templateFrame } from './templates';

/** The fixed blocks and footer a new issue starts with, as rows to store. */
type Frame = {
  blocks: {
    kind: 'text' | 'cta' | 'image';
    reusableBlockId: number | null;
    content: Record<string, unknown>;
  }[];
  footer: boolean;
};

/** Without a template: the newsletter's start blocks (marked, not archived, in the admin's order) and a footer. */
function defaultFrame(tx: Tx, newsletterId: number): Frame {
  const blocks = startBlocks(tx, newsletterId).flatMap((b) =>
    b.kind === 'footer' ? [] : [{ kind: b.kind, reusableBlockId: b.id, content: b.content }],
  );
  return { blocks, footer: true };
}

/**
 * A new issue: the next number, an empty lead slot and sections (themes come from the
 * newsletter), and its fixed blocks and footer already placed: the newsletter's start blocks,
 * or those of the template the editor chose (lib/issue/templates.ts; one of another newsletter
 * is refused before anything is written).
 */
export function createIssue(
  tx: Tx,
  newsletterId: number,
  editorId: string,
  templateId: number | null = null,
): { id: number; number: number } {
  const frame = templateId
    ? templateFrame(tx, newsletterId, templateId)
    : defaultFrame(tx, newsletterId);
  const number =
    (tx
      .select({ n: max(issues.number) })
      .from(issues)
      .where(eq(issues.newsletterId, newsletterId))
      .get()?.n ?? 0) + 1;
  const issue = tx
    .insert(issues)
    .values({ newsletterId, number, slug: `${number}`, createdBy: editorId, updatedBy: editorId })
    .returning({ id: issues.id })
    .get();
  const keys = generateNKeysBetween(null, null, frame.blocks.length + 1);
  const rows = [
    ...frame.blocks.map((b, i) => ({
      issueId: issue.id,
      kind: b.kind,
      reusableBlockId: b.reusableBlockId,
      content: b.content,
      position: keys[i]!,
    })),
    ...(frame.footer
      ? [{ issueId: issue.id, kind: 'footer' as const, position: keys.at(-1)! }]
      : []),
  ];
  if (rows.length) tx.insert(issueBlocks).values(rows).run();
  return { id: issue.id, number };
}
