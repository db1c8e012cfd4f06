import { itemKinds } from '@/lib/enums';
import { recordId, z } from '@/lib/validation';

// The builder library's sort, filter and paging, as the panel sends it and the server reads it.
// No drizzle here: the panel (a client component) imports it; the query is library-query.ts.

export const librarySorts = ['newest', 'oldest', 'title'] as const;
export type LibrarySort = (typeof librarySorts)[number];

export const librarySortLabels: Record<LibrarySort, string> = {
  newest: 'Nieuwste eerst',
  oldest: 'Oudste eerst',
  title: 'Titel (A-Z)',
};

export const libraryStatuses = ['unplaced', 'unsent'] as const;
export type LibraryStatus = (typeof libraryStatuses)[number];

export const libraryStatusLabels: Record<LibraryStatus, string> = {
  unplaced: 'Nog niet geplaatst',
  unsent: 'Nog niet verzonden',
};

/** Items per page: the builder never holds thousands at once. */
export const LIBRARY_PAGE_SIZE = 100;

/**
 * Where the previous page ended: the last row's sort key (creation time in ms, or the title)
 * and its id, which breaks ties. Keyset, not offset: an item written meanwhile shifts nothing.
 */
const cursor = z.object({
  key: z.union([z.number().int(), z.string().max(200)]),
  id: recordId,
});
export type LibraryCursor = z.output<typeof cursor>;

const CHANGED = 'De bibliotheek is intussen veranderd. Laad de pagina opnieuw.';

export const libraryFilter = z
  .object({
    query: z.string().trim().max(200, 'Zoek op hoogstens 200 tekens.').default(''),
    themeId: recordId.nullable().default(null),
    kind: z.enum(itemKinds, { error: 'Kies een soort uit de lijst.' }).nullable().default(null),
    status: z
      .enum(libraryStatuses, { error: 'Kies een status uit de lijst.' })
      .nullable()
      .default(null),
    sort: z.enum(librarySorts, { error: 'Kies een volgorde uit de lijst.' }).default('newest'),
    cursor: cursor.nullable().default(null),
  })
  .refine(
    // A title cursor with a date sort (or the reverse) is a forged or stale request.
    (f) => !f.cursor || typeof f.cursor.key === (f.sort === 'title' ? 'string' : 'number'),
    { message: CHANGED, path: ['cursor'] },
  );

export type LibraryFilter = z.output<typeof libraryFilter>;

export const defaultLibraryFilter: LibraryFilter = {
  query: '',
  themeId: null,
  kind: null,
  status: null,
  sort: 'newest',
  cursor: null,
};

/** Whether anything narrows the list; the sort alone does not. */
export const isNarrowed = (f: Pick<LibraryFilter, 'query' | 'themeId' | 'kind' | 'status'>) =>
  f.query.trim() !== '' || f.themeId !== null || f.kind !== null || f.status !== null;

/** "12 van 340 items": how many match, of all the library holds. */
export const libraryCount = (matching: number, total: number) =>
  `${matching} van ${total} ${total === 1 ? 'item' : 'items'}`;
