import { and, asc, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueBlocks, issues, items, newsletters, sentItems } from '@/db/schema';
import { issueStatusLabels } from '@/lib/issue/workflow';
import { issueTitle } from '@/lib/newsletters/title';
import { Refusal } from '@/lib/refusal';

export class ItemRefusal extends Refusal {}

/** The issues (not sent) that hold the item now, as "Raadsbericht 27 (concept)". */
export function openPlacements(tx: Tx, itemId: number): string[] {
  return tx
    .selectDistinct({
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
      number: issues.number,
      status: issues.status,
    })
    .from(issueBlocks)
    .innerJoin(issues, eq(issues.id, issueBlocks.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(eq(issueBlocks.itemId, itemId), ne(issues.status, 'sent')))
    .orderBy(asc(issues.number))
    .all()
    .map((i) => `${issueTitle(i, i.number)} (${issueStatusLabels[i.status].toLowerCase()})`);
}

/** Placed anywhere, sent or not: its newsletter can no longer change. */
export function isPlaced(tx: Tx, itemId: number): boolean {
  return !!tx
    .select({ id: issueBlocks.id })
    .from(issueBlocks)
    .where(eq(issueBlocks.itemId, itemId))
    .limit(1)
    .get();
}

/** Went out in a sent issue (its copy is in sent_items, or a sent issue still holds it). */
function wasSent(tx: Tx, itemId: number, placed = isPlaced(tx, itemId)): boolean {
  return placed || !!tx.select().from(sentItems).where(eq(sentItems.itemId, itemId)).limit(1).get();
}

/**
 * What removing would do, for the item page to offer the right button; `placed` also fixes its
 * newsletter there.
 */
export function removalOf(
  tx: Tx,
  itemId: number,
): { open: string[]; sent: boolean; placed: boolean } {
  const placed = isPlaced(tx, itemId);
  return { open: openPlacements(tx, itemId), sent: wasSent(tx, itemId, placed), placed };
}

/**
 * Removes an item an editor made by mistake. Never sent: deleted. Sent: archived (hidden from
 * the library; the archive shows what was sent). In an issue that is not sent yet: refused,
 * naming the issue, because deleting or hiding it would silently change that issue.
 */
export function removeItem(
  tx: Tx,
  itemId: number,
  now = new Date(),
): { outcome: 'deleted' | 'archived'; title: string } {
  const item = tx.select().from(items).where(eq(items.id, itemId)).get();
  if (!item) throw new ItemRefusal('Dit item bestaat niet (meer).');
  const open = openPlacements(tx, itemId);
  if (open.length)
    throw new ItemRefusal(
      `Dit item staat in ${open.join(', ')}. Haal het daar eerst uit en probeer het opnieuw.`,
    );
  if (wasSent(tx, itemId)) {
    if (!item.archivedAt)
      tx.update(items).set({ archivedAt: now }).where(eq(items.id, itemId)).run();
    return { outcome: 'archived', title: item.title };
  }
  tx.delete(items).where(eq(items.id, itemId)).run();
  return { outcome: 'deleted', title: item.title };
}

/** Back in the library. */
export function restoreItem(tx: Tx, itemId: number): { title: string } {
  const item = tx.select().from(items).where(eq(items.id, itemId)).get();
  if (!item) throw new ItemRefusal('Dit item bestaat niet (meer).');
  // Refused rather than done again, so a second click logs nothing.
  if (!item.archivedAt) throw new ItemRefusal('Dit item staat al in de bibliotheek.');
  tx.update(items).set({ archivedAt: null }).where(eq(items.id, itemId)).run();
  return { title: item.title };
}
