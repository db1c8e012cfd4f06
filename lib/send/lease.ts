import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { workerLeases } from '@/db/schema';

export type Lease = typeof workerLeases.$inferSelect;

/** Another process's lease counts as abandoned after this long without a heartbeat. */
export const DEFAULT_LEASE_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lease's holder counts as gone: its heartbeat is older than `staleMs`, or it ran on
 * this host and its pid is gone. The rule by which another process takes the lease over, and by
 * which /api/health/ready calls the sender down.
 */
export function holderGone(
  lease: Lease,
  staleMs: number,
  now = Date.now(),
): 'stale' | 'dead' | null {
  if (now - lease.heartbeatAt.getTime() > staleMs) return 'stale';
  if (lease.host === os.hostname() && lease.pid !== process.pid && !alive(lease.pid)) return 'dead';
  return null;
}

/**
 * One process at a time may send, whether the worker runs inside the app or as `npm run worker`.
 * A holder that died on this host is replaced at once (its pid is gone), so a restart after a
 * crash goes on without waiting; a holder elsewhere is replaced when its heartbeat is older than `staleMs`.
 */
export function acquireLease(
  database: Tx,
  name: string,
  holder: string,
  staleMs: number,
  now = Date.now(),
): boolean {
  const host = os.hostname();
  return database.transaction(
    (tx) => {
      const current = tx.select().from(workerLeases).where(eq(workerLeases.name, name)).get();
      const free = !current || current.holder === holder || holderGone(current, staleMs, now);
      if (!free) return false;
      const lease = { holder, host, pid: process.pid, heartbeatAt: new Date(now) };
      tx.insert(workerLeases)
        .values({ name, ...lease })
        .onConflictDoUpdate({ target: workerLeases.name, set: lease })
        .run();
      return true;
    },
    { behavior: 'immediate' },
  );
}

const held = (name: string, holder: string) =>
  and(eq(workerLeases.name, name), eq(workerLeases.holder, holder));

/** Renews the heartbeat; false when another process has taken the lease meanwhile. */
export function renewLease(database: Tx, name: string, holder: string, now = Date.now()): boolean {
  return (
    database
      .update(workerLeases)
      .set({ heartbeatAt: new Date(now) })
      .where(held(name, holder))
      .run().changes === 1
  );
}

export function releaseLease(database: Tx, name: string, holder: string) {
  database.delete(workerLeases).where(held(name, holder)).run();
}
