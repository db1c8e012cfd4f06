import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startOwnApp } from './support/own-app';

// The daily backup as the built app runs it (instrumentation, a worker thread inside Next's
// server), the files the running app leaves readable to nobody else, and a restore that refuses
// while the app runs and succeeds once it has stopped.

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

test('the app makes its daily backup in a thread, keeps its files private, and is restored only when stopped', async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-e2e-backup-'));
  // 00:00 has passed today and there is no backup yet: the app makes one at its start.
  const app = await startOwnApp({
    dir,
    captureLog: true,
    // LOG_LEVEL info: the suite's apps log warnings only, and the backup's line is an info line.
    env: { BACKUP_SCHEDULE: '00:00', BACKUP_KEEP: '3', LOG_LEVEL: 'info' },
  });
  const { databaseFile } = app;
  const log = () => app.logLines().join('\n');
  const restore = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', file], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: databaseFile, BACKUP_SCHEDULE: 'uit' },
      encoding: 'utf8',
    });
  try {
    await expect.poll(log, { timeout: 30_000 }).toContain('[back-up] back-up gemaakt: ');
    const line = app.logLines().find((l) => l.includes('[back-up] back-up gemaakt: '))!;
    // Made in the worker thread: the log names the main thread only when it had to use it.
    expect(line).not.toContain('hoofdthread');
    const backup = /back-up gemaakt: (\S+) \(/.exec(line)![1]!;
    expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
    expect(path.basename(backup)).toMatch(/^kopij-\d{8}T\d{6}Z\.db$/);

    for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, backup])
      expect(modeOf(file), file).toBe(0o600);
    for (const folder of [dir, path.join(dir, 'backups')])
      expect(modeOf(folder), folder).toBe(0o700);

    const refused = restore(backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Niet hersteld: Kopij gebruikt de database nog');
  } finally {
    await app.stop();
  }
  const [backup] = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('kopij-'));
  const restored = restore(path.join(dir, 'backups', backup!));
  expect(restored.stderr).toBe('');
  expect(restored.status).toBe(0);
  expect(restored.stdout).toContain(`staat nu in ${databaseFile}`);
  expect(fs.readdirSync(dir).some((n) => n.startsWith('kopij.db.voor-herstel-'))).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
