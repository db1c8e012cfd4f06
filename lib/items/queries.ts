import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, notExists, or } from 'drizzle-orm';
import { db } from '@/db';
import { issueBlocks, items, themes, type ItemKind } from '@/db/schema';
import { contains } from '@/lib/like';

export type ItemFilter = {
  q?: string;
  themeId?: number;
  kind?: ItemKind;
  unplaced?: boolean;
  /** Archived items only; without it the library hides them. */
  archived?: boolean;
};

export function listItems(newsletterId: number, filter: ItemFilter) {
  const q = filter.q?.trim();
  return db()
    .select({
      id: items.id,
      kind: items.kind,
      title: items.title,
      teaser: items.teaser,
      themeName: themes.name,
      eventDate: items.eventDate,
      startTime: items.startTime,
      endTime: items.endTime,
      location: items.location,
      online: items.online,
      updatedAt: items.updatedAt,
      archivedAt: items.archivedAt,
      placements: db().$count(issueBlocks, eq(issueBlocks.itemId, items.id)),
    })
    .from(items)
    .innerJoin(themes, eq(themes.id, items.themeId))
    .where(
      and(
        eq(items.newsletterId, newsletterId),
        filter.archived ? isNotNull(items.archivedAt) : isNull(items.archivedAt),
        q ? or(contains(items.title, q), contains(items.teaser, q)) : undefined,
        filter.themeId ? eq(items.themeId, filter.themeId) : undefined,
        filter.kind ? eq(items.kind, filter.kind) : undefined,
        filter.unplaced
          ? notExists(
              db()
                .select({ id: issueBlocks.id })
                .from(issueBlocks)
                .where(eq(issueBlocks.itemId, items.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(items.updatedAt), asc(items.title))
    .limit(500)
    .all();
}

export function getItem(id: number) {
  return db().select().from(items).where(eq(items.id, id)).get();
}

/**
 * The themes an item can be filed under: archived ones take no new items. `keep` is the theme an
 * item already has, so editing an item of an archived theme does not move it unasked.
 */
export function themesOf(newsletterId: number, keep?: number) {
  return db()
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(
      and(
        eq(themes.newsletterId, newsletterId),
        keep === undefined
          ? isNull(themes.archivedAt)
          : or(isNull(themes.archivedAt), eq(themes.id, keep)),
      ),
    )
    .orderBy(asc(themes.position))
    .all();
}
