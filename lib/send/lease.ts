import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { workerLeases } from '@/db/schema';

export type Lease = typeof workerLeases.$inferSelect;

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
      const free =
        !current ||
        current.holder === holder ||
        now - current.heartbeatAt.getTime() > staleMs ||
        (current.host === host && current.pid !== process.pid && !alive(current.pid));
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
