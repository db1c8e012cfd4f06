import crypto from 'node:crypto';
import type { Db } from '@/db';
import type { Config } from '@/lib/config';
import { formatBytes, formatCount } from '@/lib/format';
import { fromDutchLocal, toDutchLocal } from '@/lib/format-input';
import { acquireLease, releaseLease } from '@/lib/send/lease';
import { takeBackup } from './backup';
import { mediaSummary, missingMediaWarning } from './media-backup';
import { listBackups } from './names';
import { lastBackupFailure } from './status';

// The daily backup inside the app (and in `npm run worker`): every minute each process looks
// whether the last scheduled time has passed without a backup since. The one that takes the
// 'backup' lease (worker_leases, as the sender does) makes it; the other then finds it done.
// A time missed while the app was down is caught up at the next start.

const MINUTE = 60 * 1000;
/** A holder that has not released the lease after this long has died on another host. */
const LEASE_STALE_MS = 60 * MINUTE;

/** The most recent moment, at or before `now`, that the clock in the Netherlands showed HH:MM. */
export function lastDueTime(schedule: string, now: Date): Date {
  const today = toDutchLocal(now).slice(0, 10);
  const due = fromDutchLocal(`${today}T${schedule}`)!;
  if (due <= now) return due;
  const [y, m, d] = today.split('-').map(Number);
  const yesterday = new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
  return fromDutchLocal(`${yesterday}T${schedule}`)!;
}

export type BackupSchedule = {
  /** Looks once whether a backup is due and makes it; resolves when done (tests call it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
};

export type ScheduleOptions = {
  database: Db;
  /** HH:MM, daily, Dutch time. */
  schedule: string;
  dir: string;
  keep: number;
  dataDir: string;
  log: { info(message: string): void; error(message: string): void };
  tickMs?: number;
  /** After a failure, the next try waits this long (a full disk is not fixed in a minute). */
  retryMs?: number;
  now?: () => Date;
};

function isDue(options: ScheduleOptions, now: Date): boolean {
  const due = lastDueTime(options.schedule, now);
  const newest = listBackups(options.dir)[0];
  if (newest && newest.at >= due) return false;
  const failure = lastBackupFailure(options.dir);
  return !failure || now.getTime() - failure.at.getTime() >= (options.retryMs ?? 15 * MINUTE);
}

export function startBackupSchedule(options: ScheduleOptions): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const holder = `backup-${crypto.randomUUID()}`;
  let running: Promise<void> | undefined;

  async function backUp() {
    if (!acquireLease(options.database, 'backup', holder, LEASE_STALE_MS)) return;
    try {
      // Another process may have made it between our look and the lease.
      if (!isDue(options, now())) return;
      const result = await takeBackup(options.database.$client.name, { ...options, now });
      // In line means the app stood still meanwhile: worth knowing, and fixable (start in Kopij's folder).
      const where = result.offThread
        ? ''
        : `, in de hoofdthread: better-sqlite3 niet gevonden vanuit ${process.cwd()}`;
      const media = mediaSummary(result.media);
      options.log.info(
        `back-up gemaakt: ${result.file} (${formatBytes(result.bytes)}, ${formatCount(Math.round(result.ms))} ms${where})${media ? `; mediabibliotheek: ${media}` : ''}`,
      );
      if (result.media.missing.length)
        options.log.error(missingMediaWarning(result.media.missing, options.dataDir));
    } finally {
      releaseLease(options.database, 'backup', holder);
    }
  }

  // Never throws: a timer's rejected promise would stop the process.
  async function attempt() {
    try {
      if (isDue(options, now())) await backUp();
    } catch (error) {
      options.log.error(
        `back-up mislukt: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const tick = () => {
    running ??= attempt().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? MINUTE);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The schedule as configured (BACKUP_SCHEDULE, BACKUP_DIR, BACKUP_KEEP); undefined when off. */
export function backupScheduleFromConfig(config: Config, database: Db): BackupSchedule | undefined {
  const { schedule, dir, keep } = config.backup;
  if (!schedule) return undefined;
  return startBackupSchedule({
    database,
    schedule,
    dir,
    keep,
    dataDir: config.dataDir,
    log: {
      info: (message) => console.log(`[back-up] ${message}`),
      error: (message) => console.error(`[back-up] ${message}`),
    },
  });
}
