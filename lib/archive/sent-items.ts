import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sentItems, type SentItem } from '@/db/schema';

export function sentItem(database: Tx, issueId: number, itemId: number): SentItem | undefined {
  return database
    .select()
    .from(sentItems)
    .where(and(eq(sentItems.issueId, issueId), eq(sentItems.itemId, itemId)))
    .get();
}
