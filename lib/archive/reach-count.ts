import { epochDay, Tally } from '@/lib/stats/tally';
import type { ReachEvent } from './reach-request';

// The archive's views and searches, counted in memory as they come in. Where: in the web server
// (scripts/serve.ts, lib/archive/reach-in-server.ts), before Next. The archive's issue pages are
// cached whole (revalidate = false), so no page code runs per view. The tallies are kept on
// globalThis, which the server's own modules and Next's bundles in the same process share, and
// the server writes them every few seconds (lib/archive/reach-store.ts, started by
// instrumentation.ts). Counting only adds to a Map. No script, no cookie, no beacon: a view is
// counted from the request for the page itself, once.
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

/** The process's tallies, shared through globalThis by the server and Next's bundles. */
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
