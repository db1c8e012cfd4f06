import 'server-only';
import { db } from '@/db';
import { issueResults, type IssueResults } from '@/lib/stats/issue-results';
import { recordId } from '@/lib/validation';

/**
 * The results of an issue that went out (or is going out); null for an unknown id or an issue
 * that was never sent: it has no results, and its page is not found.
 */
export function sentIssueResults(rawId: string): IssueResults | null {
  const id = recordId.safeParse(rawId);
  if (!id.success) return null;
  const results = issueResults(db(), id.data);
  return results && ['sending', 'sent'].includes(results.issue.status) ? results : null;
}

export const resultsPath = (issueId: number | string) => `/redactie/nummers/${issueId}/resultaten`;
