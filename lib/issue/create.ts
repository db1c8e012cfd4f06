import { asc, eq, max } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Tx } from '@/db';
import { issueBlocks, issues, reusableBlocks } from '@/db/schema';

/**
 * A new issue: the next number, an empty lead slot and sections (themes come from the
 * newsletter), the newsletter's default reusable blocks and a footer already placed.
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
  const defaults = tx
    .select()
    .from(reusableBlocks)
    .where(eq(reusableBlocks.newsletterId, newsletterId))
    .orderBy(asc(reusableBlocks.position))
    .all()
    .filter((b) => b.inNewIssues && b.kind !== 'footer');
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
