import type { Db } from '@/db';
import type { EmailItem } from '@/emails/blocks';
import { isEmptyDoc } from '@/lib/richtext/schema';
import { sentIssue } from './queries';
import { sentItem } from './sent-items';

/**
 * An item's own page: only for an item of a sent issue that has a full article. An item that
 * links out has its page elsewhere, and a teaser alone is on the issue's page already.
 */
export function sentArticle(
  database: Db,
  newsletterSlug: string,
  issueSlug: string,
  itemId: number,
  publicUrl: string,
) {
  const issue = sentIssue(database, newsletterSlug, issueSlug, publicUrl);
  if (!issue) return null;
  const copy = sentItem(database, issue.id, itemId);
  if (!copy || copy.url || isEmptyDoc(copy.body)) return null;
  // The item as the issue page shows it (image, event facts, teaser), and the section it is in.
  const anchor = `item-${itemId}`;
  const lead = issue.content.lead?.anchor === anchor ? issue.content.lead : null;
  const section = issue.content.sections.find((s) => s.items.some((i) => i.anchor === anchor));
  const item: EmailItem | undefined = lead ?? section?.items.find((i) => i.anchor === anchor);
  if (!item) return null;
  return { issue, item, body: copy.body, themeName: section?.name ?? copy.themeName };
}
