import { db } from '@/db';
import { clientKey, UNKNOWN_CLIENT } from '@/lib/http/client-address';
import { flushEvery } from '@/lib/stats/tally';
import { BurstWatch } from './classify';
import { ClickCounter } from './counter';
import { OpenCounter, type OpenDeps } from './opens';
import type { ClickDeps } from './redirect';
import { clickKey } from './signature';

type Counters = { clicks: ClickDeps; opens: OpenDeps };

const globalForClicks = globalThis as unknown as { kopijClicks?: Counters };

/**
 * The process's click and open counters, made on the first click or open (never on import, so
 * `next build` touches no database), on globalThis so dev-mode reloads share them. They are
 * written every few seconds and once more as the process exits (flushEvery).
 */
function appCounters(): Counters {
  if (globalForClicks.kopijClicks) return globalForClicks.kopijClicks;
  const database = db();
  const key = clickKey();
  const counter = new ClickCounter(database);
  const opens = new OpenCounter(database);
  const bursts = new BurstWatch();
  flushEvery('Klikken', () => {
    bursts.prune(Date.now());
    counter.flush();
  });
  flushEvery('Openingen', () => opens.flush());
  globalForClicks.kopijClicks = {
    clicks: {
      database,
      key,
      counter,
      bursts,
      // Shared by the whole IPv6 /64, as the rate limits do. Without a known address (under
      // `next dev`) every reader would be one client, and the burst rule would hit them all.
      client: (headers) => {
        const key = clientKey(headers);
        return key === UNKNOWN_CLIENT ? null : key;
      },
    },
    opens: { key, counter: opens },
  };
  return globalForClicks.kopijClicks;
}

/** What the click redirect (/k/) counts with. */
export const appClicks = (): ClickDeps => appCounters().clicks;

/** What the open pixel (/o/) counts with. */
export const appOpens = (): OpenDeps => appCounters().opens;
