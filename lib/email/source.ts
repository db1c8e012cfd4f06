import { inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { items, type Newsletter } from '@/db/schema';
import { allBlocks } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import type { IssueDocument } from '@/lib/issue/document';
import { sentItemsOf, sentThemeNames } from '@/lib/issue/sent-items';
import { placedImages } from '@/lib/media/placed';
import type { EmailSourceItem, RenderInput } from './render';

type Options = {
  /** Overrides the stored document (preview of unsaved work). */
  document?: IssueDocument;
  /** The items as they were sent (and corrected) instead of the library's current text. */
  asSent?: boolean;
  /**
   * For an approved or scheduled issue: the items as frozen at approval, which is what will be
   * sent, over the library's text (an item not in the copy, just placed, comes from the library).
   */
  approvedText?: boolean;
  /**
   * Not yet in the archive (a test mail, the preview): "Bekijk in uw browser" leads to the
   * editors' web version, which asks for a sign-in, instead of an archive page that is not there.
   */
  draft?: boolean;
};

/** The web version of an issue that is not sent yet: for editors only (the route checks). */
export const draftWebUrl = (publicUrl: string, issueId: number) =>
  `${publicUrl}/redactie/nummers/${issueId}/webversie`;

const frozenStatuses = new Set(['approved', 'scheduled']);

/** Everything the renderer needs for one issue, read in two queries. */
export function emailSource(
  database: Db,
  issueId: number,
  publicUrl: string,
  options: Options = {},
): (RenderInput & { newsletter: Newsletter }) | null {
  const loaded = loadIssueDocument(database, issueId);
  if (!loaded) return null;
  const doc = options.document ?? loaded.document;
  const itemIds = allBlocks(doc).flatMap((b) =>
    b.kind === 'lead' || b.kind === 'item' ? [b.itemId] : [],
  );
  const rows: EmailSourceItem[] = options.asSent
    ? [...sentItemsOf(database, issueId).values()].map((r) => ({ ...r, id: r.itemId }))
    : itemIds.length
      ? database
          .select()
          .from(items)
          .where(inArray(items.id, itemIds))
          .all()
          .filter((i) => i.newsletterId === loaded.issue.newsletterId)
      : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (options.approvedText && !options.asSent && frozenStatuses.has(loaded.issue.status)) {
    const placed = new Set(itemIds);
    for (const copy of sentItemsOf(database, issueId).values())
      if (placed.has(copy.itemId)) byId.set(copy.itemId, { ...copy, id: copy.itemId });
  }
  const newsletter = loaded.issue.newsletter;
  // Sent and approved issues carry the theme names they were approved with; drafts today's.
  const frozenNames =
    options.asSent || (options.approvedText && frozenStatuses.has(loaded.issue.status))
      ? sentThemeNames(database, issueId)
      : new Map<number, string>();
  return {
    document: doc,
    newsletter,
    themes: loaded.themes.map((t) => ({ id: t.id, name: frozenNames.get(t.id) ?? t.name })),
    items: byId,
    images: placedImages(
      database,
      [
        newsletter.logoMediaId,
        ...[...byId.values()].map((i) => i.imageMediaId),
        ...doc.extras.map((b) => (b.kind === 'image' ? b.content.mediaId : null)),
      ],
      publicUrl,
    ),
    webUrl: options.draft
      ? draftWebUrl(publicUrl, issueId)
      : `${publicUrl}/archief/${newsletter.slug}/${loaded.issue.slug}`,
  };
}
