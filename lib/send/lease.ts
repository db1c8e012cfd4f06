import os from 'node:os';
import type { Database } from 'better-sqlite3';

export type Lease = {
  name: string;
  holder: string;
  host: string;
  pid: number;
  heartbeatAt: number;
};

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
  sqlite: Database,
  name: string,
  holder: string,
  staleMs: number,
  now = Date.now(),
): boolean {
  const host = os.hostname();
  return sqlite
    .transaction(() => {
      const current = sqlite
        .prepare(
          'select name, holder, host, pid, heartbeat_at as heartbeatAt from worker_leases where name = ?',
        )
        .get(name) as Lease | undefined;
      const free =
        !current ||
        current.holder === holder ||
        now - current.heartbeatAt > staleMs ||
        (current.host === host && current.pid !== process.pid && !alive(current.pid));
      if (!free) return false;
      sqlite
        .prepare(
          `insert into worker_leases (name, holder, host, pid, heartbeat_at) values (?, ?, ?, ?, ?)
         on conflict(name) do update set holder = excluded.holder, host = excluded.host, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at`,
        )
        .run(name, holder, host, process.pid, now);
      return true;
    })
    .immediate();
}

/** Renews the heartbeat; false when another process has taken the lease meanwhile. */
export function renewLease(
  sqlite: Database,
  name: string,
  holder: string,
  now = Date.now(),
): boolean {
  return (
    sqlite
      .prepare('update worker_leases set heartbeat_at = ? where name = ? and holder = ?')
      .run(now, name, holder).changes === 1
  );
}

export function releaseLease(sqlite: Database, name: string, holder: string) {
  sqlite.prepare('delete from worker_leases where name = ? and holder = ?').run(name, holder);
}
