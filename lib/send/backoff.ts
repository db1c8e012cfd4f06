const MAX_WAIT_MS = 3_600_000;
// ±20%: copies that failed together (a server down for a while) do not all return together.
const JITTER = 0.2;

/**
 * Exponential backoff with jitter, capped at an hour: 1, 2, 4, 8... times the base. The hour
 * includes the jitter: growth stops at the wait that jitter can stretch to exactly an hour (50
 * minutes), so waits at the cap still spread out (40 to 60 minutes) and never exceed it.
 */
export function retryDelay(attempts: number, baseMs: number, random = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_WAIT_MS / (1 + JITTER));
  return Math.min(Math.round(delay * (1 - JITTER + 2 * JITTER * random())), MAX_WAIT_MS);
}
