import { inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { items, type Newsletter } from '@/db/schema';
import { allBlocks } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load-builder';
import type { IssueDocument } from '@/lib/issue/document';
import type { RenderInput } from './render';

/** Everything the renderer needs for one issue, read in two queries. `document` overrides the stored one (preview of unsaved work). */
export function emailSource(database: Db, issueId: number, publicUrl: string, document?: IssueDocument): (RenderInput & { newsletter: Newsletter }) | null {
  const loaded = loadIssueDocument(database, issueId);
  if (!loaded) return null;
  const doc = document ?? loaded.document;
  const itemIds = allBlocks(doc).flatMap((b) => (b.kind === 'lead' || b.kind === 'item' ? [b.itemId] : []));
  const rows = itemIds.length
    ? database
        .select()
        .from(items)
        .where(inArray(items.id, itemIds))
        .all()
        .filter((i) => i.newsletterId === loaded.issue.newsletterId)
    : [];
  const newsletter = loaded.issue.newsletter;
  return {
    document: doc,
    newsletter,
    themes: loaded.themes.map((t) => ({ id: t.id, name: t.name })),
    items: new Map(rows.map((r) => [r.id, r])),
    webUrl: `${publicUrl}/archief/${newsletter.slug}/${loaded.issue.slug}`,
  };
}

