import type { Tx } from '@/db';
import { diffDocuments } from './diff';
import { issueDocument, type IssueDocument } from './document';
import { loadIssueDocument } from './load';

/**
 * Why the document an editor has in front of them (at the version they saw) is not the saved
 * issue, in Dutch; null when it is. A test mail goes out only from a saved version, so what
 * reviewers receive is what anyone opening the issue sees. Compared by content (diff.ts), not
 * by the shape of the JSON, so an empty section or the order of keys is no "change".
 */
export function unsavedReason(
  tx: Tx,
  issueId: number,
  version: number,
  document: IssueDocument,
): string | null {
  const loaded = loadIssueDocument(tx, issueId);
  if (!loaded) return 'Dit nummer bestaat niet (meer).';
  if (loaded.issue.version !== version)
    return `U ziet versie ${version}, maar intussen is versie ${loaded.issue.version} opgeslagen. Laad de pagina opnieuw, bekijk de nieuwe versie en verstuur dan de testmail.`;
  if (diffDocuments(issueDocument.parse(loaded.document), document).length)
    return 'Er zijn wijzigingen die nog niet zijn opgeslagen. Wacht tot alles is opgeslagen en verstuur dan de testmail.';
  return null;
}
