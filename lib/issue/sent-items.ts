import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sentItems, type SentItem } from '@/db/schema';

// The items as sent are issue data, written by the send when it starts. The renderer
// (lib/email) and the archive both read them, so they live here, below both.

/**
 * Copies the items placed in an issue into `sent_items`, replacing an earlier copy (a send that
 * was cancelled before anyone got it and is started again). Runs in the transaction that starts
 * the send, so every copy of the mail, and later the archive, shows the same text.
 */
export function freezeSentItems(tx: Tx, issueId: number): void {
  tx.run(sql`delete from sent_items where issue_id = ${issueId}`);
  tx.run(sql`
    insert into sent_items (issue_id, item_id, theme_id, kind, title, teaser, url, event_date, start_time, end_time, location, online, registration_url)
    select ${issueId}, it.id, it.theme_id, it.kind, it.title, it.teaser, it.url, it.event_date, it.start_time, it.end_time, it.location, it.online, it.registration_url
    from items it
    where it.id in (select b.item_id from issue_blocks b where b.issue_id = ${issueId} and b.kind in ('lead', 'item'))`);
}

/** The items of an issue as sent (and corrected), by library id. */
export function sentItemsOf(database: Tx, issueId: number): Map<number, SentItem> {
  const rows = database.select().from(sentItems).where(eq(sentItems.issueId, issueId)).all();
  return new Map(rows.map((r) => [r.itemId, r]));
}
