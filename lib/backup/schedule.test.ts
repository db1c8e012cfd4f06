import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { workerLeases } from '@/db/schema';
import { fileDb } from '@/lib/test/file-db';
import { tempDir } from '@/lib/test/temp-dir';
import { backupName, listBackups } from './names';
import { lastDueTime, startBackupSchedule, type ScheduleOptions } from './schedule';
import { lastBackup } from './status';

describe('lastDueTime', () => {
  it('is the last time the Dutch clock showed HH:MM, in winter and in summer time', () => {
    // 29 November: UTC+1. 03:30 Dutch time is 02:30 UTC.
    expect(lastDueTime('03:30', new Date('2026-11-29T15:00:00Z'))).toEqual(
      new Date('2026-11-29T02:30:00Z'),
    );
    // Before 03:30 Dutch time it is yesterday's.
    expect(lastDueTime('03:30', new Date('2026-11-29T02:00:00Z'))).toEqual(
      new Date('2026-11-28T02:30:00Z'),
    );
    // 1 July: UTC+2.
    expect(lastDueTime('03:30', new Date('2026-07-01T12:00:00Z'))).toEqual(
      new Date('2026-07-01T01:30:00Z'),
    );
    // Just after midnight Dutch time is still the previous day in UTC.
    expect(lastDueTime('23:45', new Date('2026-11-29T23:10:00Z'))).toEqual(
      new Date('2026-11-29T22:45:00Z'),
    );
  });
});

type Logged = { info: string[]; error: string[] };

function options(
  database: ScheduleOptions['database'],
  dir: string,
  logged: Logged,
  extra: Partial<ScheduleOptions> = {},
): ScheduleOptions {
  return {
    database,
    schedule: '00:00',
    dir: path.join(dir, 'backups'),
    keep: 7,
    dataDir: dir,
    // Only the first look at start and the test's own: no timer fires during a test.
    tickMs: 60 * 60 * 1000,
    log: {
      info: (message) => logged.info.push(message),
      error: (message) => logged.error.push(message),
    },
    ...extra,
  };
}

describe('the daily backup', () => {
  it('is made once when the app and the worker both look (the backup lease)', async () => {
    const dir = tempDir('kopij-schedule');
    const { file, database: app } = fileDb(dir);
    const worker = openDatabase(file);
    const logged: Logged = { info: [], error: [] };
    const inApp = startBackupSchedule(options(app, dir, logged));
    const inWorker = startBackupSchedule(options(worker, dir, logged));
    await Promise.all([inApp.tick(), inWorker.tick(), inApp.tick(), inWorker.tick()]);
    const made = listBackups(path.join(dir, 'backups'));
    expect(made).toHaveLength(1);
    expect(logged.info).toEqual([
      expect.stringMatching(/^back-up gemaakt: .*kopij-\d{8}T\d{6}Z\.db \(/),
    ]);
    expect(logged.error).toEqual([]);
    // Done for today: later looks make nothing, and the lease is free again.
    await Promise.all([inApp.tick(), inWorker.tick()]);
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(1);
    expect(app.select().from(workerLeases).all()).toEqual([]);
    await Promise.all([inApp.stop(), inWorker.stop()]);
    worker.$client.close();
  });

  it('makes none when there is one since the last scheduled time, and catches up otherwise', async () => {
    const dir = tempDir('kopij-schedule');
    const { database } = fileDb(dir, { seeded: false });
    const logged: Logged = { info: [], error: [] };
    const now = new Date('2026-11-29T15:00:00Z');
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    // Made today at 03:30 Dutch time (02:30 UTC): nothing due until tomorrow.
    fs.writeFileSync(path.join(backups, backupName(new Date('2026-11-29T02:30:05Z'))), '');
    const schedule = startBackupSchedule(
      options(database, dir, logged, { schedule: '03:30', now: () => now }),
    );
    await schedule.tick();
    expect(listBackups(backups)).toHaveLength(1);
    await schedule.stop();
    // Yesterday's only (the app was down at 03:30): made at the first look.
    fs.rmSync(backups, { recursive: true });
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, backupName(new Date('2026-11-28T02:30:05Z'))), '');
    const late = startBackupSchedule(
      options(database, dir, logged, { schedule: '03:30', now: () => now }),
    );
    await late.tick();
    expect(listBackups(backups).map((b) => b.at)).toEqual([
      new Date('2026-11-29T15:00:00Z'),
      new Date('2026-11-28T02:30:05Z'),
    ]);
    await late.stop();
  });

  it('logs a failure with its reason in Dutch, and tries again only after a while', async () => {
    const dir = tempDir('kopij-schedule');
    const { database } = fileDb(dir, { seeded: false });
    const blocker = path.join(dir, 'een-bestand');
    fs.writeFileSync(blocker, '');
    const logged: Logged = { info: [], error: [] };
    let now = new Date('2026-11-29T15:00:00Z');
    const backups = path.join(blocker, 'backups');
    const schedule = startBackupSchedule(
      options(database, dir, logged, { dir: backups, now: () => now, retryMs: 15 * 60_000 }),
    );
    await schedule.tick();
    expect(logged.error).toEqual([
      `back-up mislukt: de map ${backups} is niet schrijfbaar (ENOTDIR)`,
    ]);
    now = new Date('2026-11-29T15:05:00Z');
    await schedule.tick();
    expect(logged.error).toHaveLength(1);
    now = new Date('2026-11-29T15:16:00Z');
    await schedule.tick();
    expect(logged.error).toHaveLength(2);
    expect(lastBackup(backups)).toBeUndefined();
    await schedule.stop();
  });
});
