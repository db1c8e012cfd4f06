import path from 'node:path';
import type { Db } from '@/db';
import type { Config } from '@/lib/config';
import { DEFAULT_LEASE_MS } from '@/lib/send/lease';
import { checkRelay, checkSender } from './health-send';
import { checkDatabase, checkDisk, fail, storageReason, type CheckResult } from './health-storage';
import { log } from './log';

// /api/health/ready: whether this installation can do its work now. Every check runs on every
// request (nothing is remembered but the time of the last good write probe), so the answer
// turns back to 200 by itself when the cause is gone.

export type Readiness = {
  ok: boolean;
  checks: {
    database: CheckResult;
    schijfruimte: CheckResult;
    verzender: CheckResult;
    mailserver: CheckResult;
  };
};

/** The checks against this process's configuration and database. */
export function readiness(
  config: Pick<Config, 'dataDir' | 'databaseFile' | 'health' | 'send'>,
  openDb: () => Db,
  now = Date.now(),
): Readiness {
  const schijfruimte = checkDisk(
    [config.dataDir, path.dirname(config.databaseFile)],
    config.health.minFreeBytes,
  );
  let database: Db | undefined;
  let databaseCheck: CheckResult;
  try {
    database = openDb();
    databaseCheck = checkDatabase(database, now);
  } catch (error) {
    databaseCheck = fail(`De database kan niet worden geopend: ${storageReason(error)}`);
  }
  const guarded = (check: (db: Db) => CheckResult): CheckResult => {
    if (!database) return fail('Niet te controleren: de database kan niet worden geopend');
    try {
      return check(database);
    } catch (error) {
      return fail(`Niet te controleren: ${storageReason(error)}`);
    }
  };
  const checks = {
    database: databaseCheck,
    schijfruimte,
    verzender: guarded((db) =>
      checkSender(db, { inApp: config.send.worker === 'app', leaseMs: DEFAULT_LEASE_MS, now }),
    ),
    mailserver: guarded((db) =>
      checkRelay(db, { windowMs: config.health.relayMinutes * 60_000, now }),
    ),
  };
  const ok = Object.values(checks).every((c) => c.ok);
  noteChange(checks);
  return { ok, checks };
}

let lastFailing = '';

/** One log line when the set of failing checks changes, not one per probe. */
function noteChange(checks: Readiness['checks']) {
  const failing = Object.entries(checks).filter(([, c]) => !c.ok);
  const key = failing.map(([name]) => name).join(',');
  if (key === lastFailing) return;
  lastFailing = key;
  if (!failing.length) log.info('gereed: alle controles slagen');
  else
    log.warn('niet gereed', {
      checks: Object.fromEntries(failing.map(([name, c]) => [name, c.ok ? '' : c.reden])),
    });
}
