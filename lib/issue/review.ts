import { desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueSnapshots } from '@/db/schema';
import { describeChanges, blockLabel } from './describe-changes';
import { diffDocuments } from './diff';
import { issueDocument, type IssueDocument } from './document';

/**
 * What changed since a reviewer last looked (approved it or sent it back), in words;
 * null when no one has reviewed this issue yet.
 */
export function changesSinceReview(
  database: Tx,
  issueId: number,
  current: IssueDocument,
  itemTitle: (id: number) => string | undefined,
): string[] | null {
  const last = database
    .select()
    .from(issueSnapshots)
    .where(eq(issueSnapshots.issueId, issueId))
    .orderBy(desc(issueSnapshots.id))
    .get();
  const seen = last ? issueDocument.safeParse(last.document) : null;
  if (!seen?.success) return null;
  return describeChanges(diffDocuments(seen.data, current), (block) =>
    blockLabel(block, itemTitle),
  );
}
