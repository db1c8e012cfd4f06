import { epochDay, Tally } from '@/lib/stats/tally';
import type { ReachEvent } from './reach-request';

// The archive's views and searches, counted in memory as they come in. Where: in proxy.ts.
// The archive's issue pages are cached whole (revalidate = false), so no page code runs per
// view; the proxy runs before the cache for every request. Next 16 runs the proxy in the
// Node.js runtime, in the server's own process (next-server.js requires the built proxy and
// calls it in-process), so it shares globalThis with the rest of the server: the proxy counts
// into the tallies below, kept on globalThis, and the server writes them every few seconds
// (lib/archive/reach-store.ts, started by instrumentation.ts). The proxy bundle stays free of
// the database: it only adds to a Map. No script, no cookie, no beacon: a view is counted from
// the request for the page itself, once.
//
// Views are kept by the slugs in the address; which issue they name (and whether it was sent)
// is settled as they are written, so a view costs no database query at all.

/** Distinct keys waiting at once: enough for any real traffic in a few seconds. */
const MAX_WAITING = 10_000;

export type ViewKey = { newsletter: string; issue: string; item: number; day: number };
export type SearchKey = { newsletterId: number; day: number };

export type ReachTallies = {
  views: Tally<ViewKey, 'views'>;
  searches: Tally<SearchKey, 'searches'>;
};

const globalForReach = globalThis as unknown as { kopijReach?: ReachTallies };

/** The process's tallies: the proxy's bundle and the server's share them through globalThis. */
export function reachTallies(): ReachTallies {
  globalForReach.kopijReach ??= {
    views: new Tally(['views'], MAX_WAITING),
    searches: new Tally(['searches'], MAX_WAITING),
  };
  return globalForReach.kopijReach;
}

/** Counts one view or search, in memory. */
export function countReach(event: ReachEvent, at = Date.now(), tallies = reachTallies()) {
  const day = epochDay(at);
  if (event.kind === 'search')
    tallies.searches.add({ newsletterId: event.newsletterId, day }, { searches: 1 });
  else
    tallies.views.add(
      { newsletter: event.newsletter, issue: event.issue, item: event.item, day },
      { views: 1 },
    );
}
