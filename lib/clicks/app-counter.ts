import { db } from '@/db';
import { clientKey, UNKNOWN_CLIENT } from '@/lib/http/client-address';
import { BurstWatch } from './classify';
import { ClickCounter } from './counter';
import type { ClickDeps } from './redirect';
import { clickKey } from './signature';

/** How often waiting counts are written. */
export const FLUSH_INTERVAL_MS = 5_000;

const globalForClicks = globalThis as unknown as { kopijClicks?: ClickDeps };

/**
 * The process's counter, made on the first click (never on import, so `next build` touches no
 * database), on globalThis so dev-mode reloads share it. It writes every few seconds, and once
 * more as the process exits: scripts/serve.ts and `next start` end with process.exit on SIGTERM,
 * which runs 'exit' listeners, and better-sqlite3 writes synchronously, as they must.
 */
export function appClicks(): ClickDeps {
  if (globalForClicks.kopijClicks) return globalForClicks.kopijClicks;
  const database = db();
  const counter = new ClickCounter(database);
  const bursts = new BurstWatch();
  const flush = () => {
    try {
      counter.flush();
    } catch (error) {
      console.error('Klikken konden niet worden opgeslagen; volgende poging straks.', error);
    }
    bursts.prune(Date.now());
  };
  setInterval(flush, FLUSH_INTERVAL_MS).unref();
  process.once('exit', flush);
  globalForClicks.kopijClicks = {
    database,
    key: clickKey(),
    counter,
    bursts,
    // Shared by the whole IPv6 /64, as the rate limits do. Without a known address (under
    // `next dev`) every reader would be one client, and the burst rule would hit them all.
    client: (headers) => {
      const key = clientKey(headers);
      return key === UNKNOWN_CLIENT ? null : key;
    },
  };
  return globalForClicks.kopijClicks;
}
