import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueBlocks, items, sentItems, type SentItem } from '@/db/schema';

// The items as sent are issue data, written by the send when it starts. The renderer
// (lib/email) and the archive both read them, so they live here, below both.

/**
 * Copies the items placed in an issue into `sent_items`, replacing an earlier copy (a send that
 * was cancelled before anyone got it and is started again). Runs in the transaction that starts
 * the send, so every copy of the mail, and later the archive, shows the same text.
 */
export function freezeSentItems(tx: Tx, issueId: number): void {
  tx.delete(sentItems).where(eq(sentItems.issueId, issueId)).run();
  const placed = tx
    .select({ itemId: issueBlocks.itemId })
    .from(issueBlocks)
    .where(and(eq(issueBlocks.issueId, issueId), inArray(issueBlocks.kind, ['lead', 'item'])));
  tx.insert(sentItems)
    .select(
      tx
        .select({
          issueId: sql<number>`${issueId}`.as('issue_id'),
          itemId: items.id,
          themeId: items.themeId,
          kind: items.kind,
          title: items.title,
          teaser: items.teaser,
          url: items.url,
          eventDate: items.eventDate,
          startTime: items.startTime,
          endTime: items.endTime,
          location: items.location,
          online: items.online,
          registrationUrl: items.registrationUrl,
        })
        .from(items)
        .where(inArray(items.id, placed)),
    )
    .run();
}

/** The items of an issue as sent (and corrected), by library id. */
export function sentItemsOf(database: Tx, issueId: number): Map<number, SentItem> {
  const rows = database.select().from(sentItems).where(eq(sentItems.issueId, issueId)).all();
  return new Map(rows.map((r) => [r.itemId, r]));
}
