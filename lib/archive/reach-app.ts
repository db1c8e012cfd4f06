import 'server-only';
import { db } from '@/db';
import { flushEvery } from '@/lib/stats/tally';
import { reachTallies } from './reach-count';
import { ReachStore } from './reach-store';

const globalForReach = globalThis as unknown as { kopijReachStore?: ReachStore };

/**
 * Writes the archive's views and searches that the web server counts, every few seconds and as the
 * process exits. Once per process (instrumentation.ts); `register` may be called more than once.
 */
export function startAppReach() {
  if (globalForReach.kopijReachStore) return;
  const store = new ReachStore(db());
  globalForReach.kopijReachStore = store;
  flushEvery('Archiefbezoeken', () => store.flush(reachTallies()));
}
