import fs from 'node:fs';
import os from 'node:os';
import { count } from 'drizzle-orm';
import type { Db } from '@/db';
import { workerLeases } from '@/db/schema';

// Storage checks for /api/health/ready: the database can be read and written, and the disk
// under the data has room. Each answers in Dutch, without paths or personal data: the endpoint
// is public.

export type CheckResult = { ok: true; overgeslagen?: string } | { ok: false; reden: string };

export const fail = (reden: string): CheckResult => ({ ok: false, reden });

/** A SQLite or file system error in words an administrator can act on. */
export function storageReason(error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? '');
  const words: [RegExp, string][] = [
    [/^SQLITE_FULL|^ENOSPC/, 'de schijf is vol'],
    [/^SQLITE_READONLY|^EROFS/, 'de database of het bestandssysteem is alleen-lezen'],
    [/^SQLITE_(BUSY|LOCKED)/, 'de database wordt door een ander proces vastgehouden'],
    [/^SQLITE_IOERR|^EIO/, 'lees- of schrijffout op de schijf'],
    [/^SQLITE_CANTOPEN|^ENOENT|^EACCES|^EPERM/, 'het bestand kan niet worden geopend'],
    [/^SQLITE_(CORRUPT|NOTADB)/, 'het databasebestand is beschadigd'],
  ];
  const found = words.find(([pattern]) => pattern.test(code));
  return `${found ? found[1] : 'onbekende fout'}${code ? ` (${code})` : ''}`;
}

// A writer that holds the database this long is a problem in itself; the app's own writes wait
// 5 s (db/index.ts), but a probe should not hold the event loop that long.
const PROBE_BUSY_MS = 1000;
// A flood of probes must not become a flood of commits: after a good write, the next waits.
const PROBE_INTERVAL_MS = 1000;

/** When the last probe write succeeded, per process. Failures are never remembered. */
const probe = { lastOk: 0 };

/**
 * Reads, then commits a write that reaches the file: an upsert of the row 'health' in
 * worker_leases (a one-row-per-name table; the sender's lease is the row 'sender'). A full
 * disk, a read-only file system, a lock held by another process or an I/O error all fail it.
 */
export function checkDatabase(database: Db, now = Date.now()): CheckResult {
  try {
    database.select({ n: count() }).from(workerLeases).get();
  } catch (error) {
    return fail(`Lezen uit de database mislukt: ${storageReason(error)}`);
  }
  if (now - probe.lastOk < PROBE_INTERVAL_MS) return { ok: true };
  const client = database.$client;
  const busy = client.pragma('busy_timeout', { simple: true }) as number;
  try {
    client.pragma(`busy_timeout = ${PROBE_BUSY_MS}`);
    const row = {
      holder: 'health',
      host: os.hostname(),
      pid: process.pid,
      heartbeatAt: new Date(now),
    };
    database
      .insert(workerLeases)
      .values({ name: 'health', ...row })
      .onConflictDoUpdate({ target: workerLeases.name, set: row })
      .run();
    probe.lastOk = now;
    return { ok: true };
  } catch (error) {
    return fail(`Schrijven in de database mislukt: ${storageReason(error)}`);
  } finally {
    client.pragma(`busy_timeout = ${busy}`);
  }
}

/** Forgets the last good write, so the next check writes again (tests). */
export function resetDatabaseProbe() {
  probe.lastOk = 0;
}

const megabytes = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const mb = (bytes: number) => `${megabytes.format(bytes / 1024 / 1024)} MB`;

/** Free space (for an unprivileged process) on the disks of `dirs`, against `minFreeBytes`. */
export function checkDisk(dirs: string[], minFreeBytes: number): CheckResult {
  for (const dir of new Set(dirs)) {
    let free: number;
    try {
      const stats = fs.statfsSync(dir);
      free = stats.bavail * stats.bsize;
    } catch (error) {
      return fail(`De vrije schijfruimte is niet te bepalen: ${storageReason(error)}`);
    }
    if (free < minFreeBytes)
      return fail(
        `Nog ${mb(free)} vrij op de schijf met de gegevens; minimaal ${mb(minFreeBytes)} nodig (HEALTH_MIN_FREE_MB)`,
      );
  }
  return { ok: true };
}
