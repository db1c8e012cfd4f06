import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters, type EditorRole } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { issueTitle } from '@/lib/newsletters/title';
import { issueStatusLabels } from './workflow';
import { Refusal } from '@/lib/refusal';

export class IssueDeleteRefusal extends Refusal {}

/**
 * Who may delete a draft: a hoofdredacteur or admin, and the redacteur who created it (a draft
 * made by mistake is cleared up by whoever made it). Only a draft: anything that went to review
 * or further has a history others rely on, and a sent issue is in the archive.
 */
export function mayDeleteIssue(
  editor: { id: string; role: EditorRole },
  issue: { status: string; createdBy: string | null },
): boolean {
  if (issue.status !== 'concept') return false;
  return hasRole(editor.role, 'hoofdredacteur') || issue.createdBy === editor.id;
}

/** Whether the page offers the delete button to this editor. */
export function canDeleteIssue(
  tx: Tx,
  issueId: number,
  editor: { id: string; role: EditorRole },
): boolean {
  const issue = tx
    .select({ status: issues.status, createdBy: issues.createdBy })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
  return !!issue && mayDeleteIssue(editor, issue);
}

/** Deletes a draft issue with its blocks, comments and snapshots; returns its name for the log. */
export function deleteDraftIssue(
  tx: Tx,
  issueId: number,
  editor: { id: string; role: EditorRole },
): { name: string; newsletterId: number; number: number } {
  const issue = tx
    .select({
      id: issues.id,
      number: issues.number,
      status: issues.status,
      createdBy: issues.createdBy,
      newsletterId: issues.newsletterId,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  if (!issue) throw new IssueDeleteRefusal('Dit nummer bestaat niet (meer).');
  const name = issueTitle(
    { name: issue.newsletterName, titlePattern: issue.titlePattern },
    issue.number,
  );
  if (issue.status === 'sent' || issue.status === 'sending')
    throw new IssueDeleteRefusal(
      `${name} is verzonden en kan niet worden verwijderd: het blijft in het archief.`,
    );
  if (issue.status !== 'concept')
    throw new IssueDeleteRefusal(
      `${name} heeft de status ${issueStatusLabels[issue.status].toLowerCase()}. Alleen een concept kan worden verwijderd.`,
    );
  if (!mayDeleteIssue(editor, issue))
    throw new IssueDeleteRefusal(
      'Alleen wie dit concept aanmaakte, een hoofdredacteur of een beheerder kan het verwijderen.',
    );
  // Blocks, comments, snapshots and deliveries go with it (foreign keys cascade).
  tx.delete(issues).where(eq(issues.id, issue.id)).run();
  return { name, newsletterId: issue.newsletterId, number: issue.number };
}
