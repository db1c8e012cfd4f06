import { isScannerAgent } from '@/lib/clicks/classify';
import { archiveSearchParams } from './search';
import { LIST_PREFIX } from './list-key';

// Which requests are a person reading the archive: the web server asks this of every request
// for an archive page and counts the answer (lib/archive/reach-in-server.ts). Nothing about the person is
// kept: not the address, not the agent, not the search terms; only which issue, or that a
// search happened, and the day.
//
// A view is a GET of an archived issue's page or of one of its items' pages (a view of that
// issue), loaded as a document (Accept: text/html), as a browser loads a page from a link in a
// mail, a search engine or another site. Not views: HEAD, what the browser fetches ahead
// (Purpose or Sec-Purpose: prefetch, also for prerendering), other fetches (images, feeds,
// scripts) and bots (isScannerAgent: crawlers, link previews, scripts, headless browsers, no
// agent at all). Nor fetches by Next's router (not text/html): a static page is prefetched whole
// and a click on a next/link then asks the server nothing, so the archive's own links to an
// issue are plain links (archive-issue-list.tsx): a click loads the page as a document.
// Whether the issue exists and was sent is not known here; the writer checks that as it writes
// (lib/archive/reach-store.ts).
//
// A search is a GET of /archief with a valid, non-empty query, first page only: leafing through
// the results of one search is not another search. It is a search over every newsletter (0):
// the archive has no search of its own per newsletter.

export type ReachEvent =
  | { kind: 'view'; newsletter: string; issue: string; item: number }
  | { kind: 'search'; newsletterId: number };

/** The search over every newsletter's archive, as archive_searches names it. */
export const ALL_NEWSLETTERS = 0;

/** What a reach request carries: the parts of a NextRequest (or a Request and its URL) we read. */
export type ReachRequest = {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  headers: Headers;
};

// Slugs as Kopij makes them (lowercase, digits, hyphens); anything else is no archived issue.
const issuePage = /^\/archief\/([a-z0-9-]{1,60})\/([A-Za-z0-9-]{1,200})(?:\/([1-9]\d{0,8}))?$/;

const prefetched = (headers: Headers) =>
  /prefetch/i.test(headers.get('sec-purpose') ?? '') ||
  /prefetch/i.test(headers.get('purpose') ?? '');

/** A person's page load: a document, not a prefetch, not a bot's. */
export function isPersonsPageLoad(request: Pick<ReachRequest, 'method' | 'headers'>): boolean {
  const { headers } = request;
  if (request.method !== 'GET' || prefetched(headers)) return false;
  if (!(headers.get('accept') ?? '').includes('text/html')) return false;
  return !isScannerAgent(headers.get('user-agent'));
}

/** The query as a page's searchParams has it: a repeated key as an array. */
function asNextQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  return query;
}

/** The view or search a request is, or null when it counts as neither. */
export function reachEvent(request: ReachRequest): ReachEvent | null {
  if (!isPersonsPageLoad(request)) return null;
  if (request.pathname === '/archief') {
    const search = archiveSearchParams.safeParse(asNextQuery(request.searchParams));
    if (!search.success || !search.data.q || (search.data.pagina ?? 1) !== 1) return null;
    return { kind: 'search', newsletterId: ALL_NEWSLETTERS };
  }
  if (request.pathname.startsWith(LIST_PREFIX)) return null;
  const match = issuePage.exec(request.pathname);
  if (!match) return null;
  const [, newsletter, issue, item] = match;
  return { kind: 'view', newsletter: newsletter!, issue: issue!, item: item ? Number(item) : 0 };
}
