import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { auditLog, issueSnapshots } from '@/db/schema';
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

export type SendBackNote = { note: string; by: string; at: Date };

/** The workflow's own steps in the log; test mails and sends are no step back or forth. */
const transitionActions = ['issue.requestReview', 'issue.sendBack', 'issue.approve'];

/**
 * The note a reviewer gave when sending the issue back, while it is still in concept after it:
 * the issue page and the author's dashboard show it, not only the mail. A later step (offered
 * for review again, approved) ends it.
 */
export function sendBackNotes(database: Tx, issueIds: number[]): Map<number, SendBackNote> {
  const notes = new Map<number, SendBackNote>();
  if (!issueIds.length) return notes;
  const steps = database
    .select({
      issueId: auditLog.entityId,
      action: auditLog.action,
      by: auditLog.actorLabel,
      at: auditLog.at,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'issue'),
        inArray(auditLog.entityId, issueIds.map(String)),
        inArray(auditLog.action, transitionActions),
      ),
    )
    .orderBy(desc(auditLog.id))
    .all();
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.issueId!)) continue;
    seen.add(step.issueId!);
    const note = (step.details as { note?: unknown } | null)?.note;
    if (step.action === 'issue.sendBack' && typeof note === 'string' && note.trim())
      notes.set(Number(step.issueId), { note, by: step.by, at: step.at });
  }
  return notes;
}
