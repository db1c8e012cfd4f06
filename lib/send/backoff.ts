/** Exponential backoff with jitter, capped at an hour: 1, 2, 4, 8... times the base. */
export function retryDelay(attempts: number, baseMs: number, random = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(delay * (0.8 + 0.4 * random()));
}
