import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sentItems, type SentItem } from '@/db/schema';

// The frozen copy moved to lib/issue/sent-items.ts (lib/email reads it, and lib/email must not
// import the archive). Re-exported for lib/send/plan.ts and the editor's issue page, which are
// outside this change; import from '@/lib/issue/sent-items' instead.
export { freezeSentItems, sentItemsOf } from '@/lib/issue/sent-items';

export function sentItem(database: Tx, issueId: number, itemId: number): SentItem | undefined {
  return database
    .select()
    .from(sentItems)
    .where(and(eq(sentItems.issueId, issueId), eq(sentItems.itemId, itemId)))
    .get();
}
