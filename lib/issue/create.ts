import { eq, max } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Tx } from '@/db';
import { issueBlocks, issues } from '@/db/schema';
import { startBlocks } from './reusable-blocks';

/**
 * A new issue: the next number, an empty lead slot and sections (themes come from the
 * newsletter), the newsletter's start blocks (marked, not archived, in the admin's order) and a
 * footer already placed.
 */
export function createIssue(
  tx: Tx,
  newsletterId: number,
  editorId: string,
): { id: number; number: number } {
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
  const defaults = startBlocks(tx, newsletterId);
  const keys = generateNKeysBetween(null, null, defaults.length + 1);
  tx.insert(issueBlocks)
    .values([
      ...defaults.map((b, i) => ({
        issueId: issue.id,
        kind: b.kind,
        reusableBlockId: b.id,
        content: b.content,
        position: keys[i]!,
      })),
      { issueId: issue.id, kind: 'footer' as const, position: keys.at(-1)! },
    ])
    .run();
  return { id: issue.id, number };
}
