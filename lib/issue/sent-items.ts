import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueBlocks, items, sentItems, themes, type SentItem } from '@/db/schema';

// The items as approved (and later as sent) are issue data, written when the issue is approved.
// The renderer (lib/email), the send and the archive all read them, so they live here, below all.

/**
 * Copies the items placed in an issue into `sent_items`, replacing an earlier copy.
 *
 * Frozen at approval: "what was approved is what is sent". Items live in a shared library and
 * can be edited while an approved issue waits, so the copy is made in the approval's own
 * transaction (transition.ts) and every copy of the mail, the archive and the preview of the
 * approved issue read it; a later library edit shows in the builder as a notice, not in the
 * mail. Saving new content (save.ts) and sending back to concept drop the copy with the
 * approval, so a fresh approval copies the library again. The send start (lib/send/plan.ts)
 * freezes only when no copy exists: an issue approved before the copy moved to approval.
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
          themeName: themes.name,
          kind: items.kind,
          title: items.title,
          teaser: items.teaser,
          teaserDoc: items.teaserDoc,
          body: items.body,
          url: items.url,
          eventDate: items.eventDate,
          startTime: items.startTime,
          endTime: items.endTime,
          location: items.location,
          online: items.online,
          registrationUrl: items.registrationUrl,
          imageMediaId: items.imageMediaId,
          imagePlacement: items.imagePlacement,
        })
        .from(items)
        .innerJoin(themes, eq(themes.id, items.themeId))
        .where(inArray(items.id, placed)),
    )
    .run();
}

/** The items of an issue as sent (and corrected), by library id. */
export function sentItemsOf(database: Tx, issueId: number): Map<number, SentItem> {
  const rows = database.select().from(sentItems).where(eq(sentItems.issueId, issueId)).all();
  return new Map(rows.map((r) => [r.itemId, r]));
}

/**
 * The theme names an issue was approved (and sent) with, by theme id: a later rename changes
 * future issues only. Empty for an issue without a frozen copy; a blank name (never frozen) is
 * left out, so the caller falls back to the current one.
 */
export function sentThemeNames(database: Tx, issueId: number): Map<number, string> {
  const rows = database
    .selectDistinct({ themeId: sentItems.themeId, name: sentItems.themeName })
    .from(sentItems)
    .where(and(eq(sentItems.issueId, issueId), ne(sentItems.themeName, '')))
    .all();
  return new Map(rows.map((r) => [r.themeId, r.name]));
}

/** Whether the issue has its items frozen (approved, or from an earlier start of its send). */
export function hasFrozenItems(database: Tx, issueId: number): boolean {
  return !!database
    .select({ itemId: sentItems.itemId })
    .from(sentItems)
    .where(eq(sentItems.issueId, issueId))
    .limit(1)
    .get();
}

/** Drops the frozen copy with the approval it belonged to. */
export function dropFrozenItems(tx: Tx, issueId: number): void {
  tx.delete(sentItems).where(eq(sentItems.issueId, issueId)).run();
}

const frozenFields = [
  'themeId',
  'kind',
  'title',
  'teaser',
  'teaserDoc',
  'body',
  'url',
  'eventDate',
  'startTime',
  'endTime',
  'location',
  'online',
  'registrationUrl',
  'imageMediaId',
  'imagePlacement',
] as const;

/**
 * The library items whose text changed after the issue's copy was frozen: the mail still carries
 * the approved text, which the builder says. Deleted items are not listed (the copy remains).
 */
export function itemsChangedSinceFreeze(
  database: Tx,
  issueId: number,
): { itemId: number; title: string }[] {
  const frozen = sentItemsOf(database, issueId);
  if (!frozen.size) return [];
  return (
    database
      .select()
      .from(items)
      .where(inArray(items.id, [...frozen.keys()]))
      .all()
      // By value: the documents are objects, read afresh from JSON on each side.
      .filter((item) =>
        frozenFields.some(
          (f) => JSON.stringify(item[f]) !== JSON.stringify(frozen.get(item.id)![f]),
        ),
      )
      .map((item) => ({ itemId: item.id, title: frozen.get(item.id)!.title }))
  );
}
