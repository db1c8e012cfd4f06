import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  notExists,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { issueBlocks, issues, items, sentItems, themes } from '@/db/schema';
import { contains } from '@/lib/like';
import { LIBRARY_PAGE_SIZE, type LibraryCursor, type LibraryFilter } from './library-filter';

// The builder's library is read a page at a time, filtered and sorted by the database: the panel
// never holds more than it shows, and search and filters cover every item, not only the loaded.

const columns = {
  id: items.id,
  kind: items.kind,
  themeId: items.themeId,
  title: items.title,
  teaser: items.teaser,
  eventDate: items.eventDate,
  startTime: items.startTime,
  endTime: items.endTime,
  location: items.location,
  online: items.online,
};

export type LibraryItem = {
  id: number;
  kind: 'news' | 'event' | 'publication' | 'podcast';
  themeId: number;
  title: string;
  teaser: string;
  eventDate: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
};

export type LibraryPage = {
  items: LibraryItem[];
  /** Where the next page starts; null on the last page. */
  next: LibraryCursor | null;
  /** All items the library offers, and those that match the filter. */
  total: number;
  matching: number;
};

/** The items of this newsletter the builder offers: not archived, nor of an archived theme. */
const offered = (newsletterId: number) =>
  and(eq(items.newsletterId, newsletterId), isNull(items.archivedAt), isNull(themes.archivedAt));

const inSentIssue = (database: Db | Tx) =>
  and(
    notExists(
      database
        .select({ id: sentItems.itemId })
        .from(sentItems)
        .innerJoin(issues, eq(issues.id, sentItems.issueId))
        .where(and(eq(sentItems.itemId, items.id), inArray(issues.status, ['sending', 'sent']))),
    ),
    notExists(
      database
        .select({ id: issueBlocks.id })
        .from(issueBlocks)
        .innerJoin(issues, eq(issues.id, issueBlocks.issueId))
        .where(and(eq(issueBlocks.itemId, items.id), inArray(issues.status, ['sending', 'sent']))),
    ),
  );

/** The filter's conditions; `placed` are the items in the issue as the editor has it now. */
function narrowing(database: Db | Tx, filter: LibraryFilter, placed: readonly number[]) {
  const q = filter.query.trim();
  return [
    q ? or(contains(items.title, q), contains(items.teaser, q)) : undefined,
    filter.themeId ? eq(items.themeId, filter.themeId) : undefined,
    filter.kind ? eq(items.kind, filter.kind) : undefined,
    filter.status === 'unplaced' && placed.length ? notInArray(items.id, [...placed]) : undefined,
    filter.status === 'unsent' ? inSentIssue(database) : undefined,
  ];
}

// Titles compare without regard to case, so "agenda" sorts beside "Agenda".
const titleKey = sql`${items.title} collate nocase`;

/** The order of a sort, and the rows after a cursor in that order (id breaks ties). */
function ordering(filter: LibraryFilter): { order: SQL[]; after: SQL | undefined } {
  const { cursor, sort } = filter;
  if (sort === 'title')
    return {
      order: [asc(titleKey), asc(items.id)],
      after: cursor
        ? sql`(${titleKey} > ${cursor.key} or (${titleKey} = ${cursor.key} and ${items.id} > ${cursor.id}))`
        : undefined,
    };
  const newest = sort === 'newest';
  const beyond = newest ? sql`<` : sql`>`;
  return {
    order: newest ? [desc(items.createdAt), desc(items.id)] : [asc(items.createdAt), asc(items.id)],
    after: cursor
      ? sql`(${items.createdAt} ${beyond} ${cursor.key} or (${items.createdAt} = ${cursor.key} and ${items.id} ${beyond} ${cursor.id}))`
      : undefined,
  };
}

function countOf(database: Db | Tx, where: SQL | undefined): number {
  return database
    .select({ n: count() })
    .from(items)
    .innerJoin(themes, eq(themes.id, items.themeId))
    .where(where)
    .get()!.n;
}

/**
 * One page of the library for an issue of `newsletterId`, in the filter's order from its cursor,
 * with how many items match and how many there are in all.
 */
export function libraryPage(
  database: Db | Tx,
  newsletterId: number,
  filter: LibraryFilter,
  placed: readonly number[] = [],
  limit = LIBRARY_PAGE_SIZE,
): LibraryPage {
  const base = offered(newsletterId);
  const narrowed = and(base, ...narrowing(database, filter, placed));
  const { order, after } = ordering(filter);
  const rows = database
    .select({ item: columns, createdAt: items.createdAt })
    .from(items)
    .innerJoin(themes, eq(themes.id, items.themeId))
    .where(and(narrowed, after))
    .orderBy(...order)
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.item),
    next:
      rows.length > limit && last
        ? {
            key: filter.sort === 'title' ? last.item.title : last.createdAt.getTime(),
            id: last.item.id,
          }
        : null,
    total: countOf(database, base),
    matching: countOf(database, narrowed),
  };
}

/** Items by id, whatever their state: those an issue holds stay known to its builder. */
export function libraryItems(
  database: Db | Tx,
  newsletterId: number,
  ids: Iterable<number>,
): LibraryItem[] {
  const wanted = [...ids];
  if (!wanted.length) return [];
  return database
    .select(columns)
    .from(items)
    .where(and(eq(items.newsletterId, newsletterId), inArray(items.id, wanted)))
    .all();
}

/** The library's view of a stored item. */
export function toLibraryItem(item: LibraryItem): LibraryItem {
  return {
    id: item.id,
    kind: item.kind,
    themeId: item.themeId,
    title: item.title,
    teaser: item.teaser,
    eventDate: item.eventDate,
    startTime: item.startTime,
    endTime: item.endTime,
    location: item.location,
    online: item.online,
  };
}
