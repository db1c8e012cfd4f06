/**
 * A fixed-window counter per key, in memory: enough for one app process (the embedded default).
 * Several processes behind a balancer would each count on their own, which only loosens the limit.
 */
export function rateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts one attempt; false when the key has used up its attempts in this window. */
    take(key: string, now = Date.now()): boolean {
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= now) {
        if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
        hits.set(key, { count: 1, resetAt: now + windowMs });
        return true;
      }
      entry.count += 1;
      return entry.count <= limit;
    },
  };
}

/**
 * Mails to one mailbox: a limit per (address, client) pair under a ceiling per address over all
 * clients. A stranger who asks for someone's address uses up only their own pair; only a request
 * that passed its pair counts toward the ceiling, so one client repeating itself cannot fill it.
 */
export function mailboxLimiter({
  pairLimit,
  ceiling,
  windowMs,
}: {
  pairLimit: number;
  ceiling: number;
  windowMs: number;
}) {
  const perPair = rateLimiter({ limit: pairLimit, windowMs });
  const perAddress = rateLimiter({ limit: ceiling, windowMs });
  return {
    take(address: string, client: string, now = Date.now()): boolean {
      return perPair.take(`${address}\0${client}`, now) && perAddress.take(address, now);
    },
    /** The pair alone: for a client known to be the owner's, whom the ceiling must not stop. */
    takePair(address: string, client: string, now = Date.now()): boolean {
      return perPair.take(`${address}\0${client}`, now);
    },
  };
}
