import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startOwnApp, type OwnApp } from './support/own-app';

// /api/health/ready against real causes: another process holding the database, a full disk, the
// sender gone. The data folder is a small tmpfs of the test's own (this needs root, as on the
// development machine and in the CI container); where mounting is not allowed, or with
// KOPIJ_E2E_NO_MOUNT=1, the disk is a temporary folder on the ordinary disk and the app's
// HEALTH_MIN_FREE_MB is set just below its free space, so writing a file of some hundreds of MB
// still takes it under the limit for real.
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const SECRET = 'e2e-geheim-alleen-voor-de-gezondheidstest-0123456789';
const METRICS_TOKEN = 'metrics-token-voor-de-gezondheidstest';
const MB = 1024 * 1024;

let app: OwnApp;
let dir: string;
let mounted = false;
let margin = 0;
const workers: ChildProcess[] = [];

function tryMount(target: string): boolean {
  if (process.env.KOPIJ_E2E_NO_MOUNT === '1') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', target], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

const freeBytes = (target: string) => {
  const { bavail, bsize } = fs.statfsSync(target);
  return bavail * bsize;
};

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-health-'));
  mounted = tryMount(dir);
  // On the tmpfs: ready needs 4 MB. Without: the limit sits 200 MB under today's free space.
  const minFreeMb = mounted ? 4 : Math.floor(freeBytes(dir) / MB) - 200;
  margin = mounted ? 0 : 400 * MB;
  app = await startOwnApp({
    dir,
    captureLog: true,
    env: {
      AUTH_SECRET: SECRET,
      SEND_WORKER: 'apart',
      HEALTH_MIN_FREE_MB: String(minFreeMb),
      METRICS_TOKEN,
      // The access log is part of what this spec checks.
      LOG_LEVEL: 'info',
    },
  });
});

test.afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await app?.stop();
  if (mounted) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      execFileSync('umount', ['-l', dir]);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

type Check = { ok: boolean; reden?: string; overgeslagen?: string };
type Ready = {
  ok: boolean;
  checks: { database: Check; schijfruimte: Check; verzender: Check; mailserver: Check };
};

async function ready(request: APIRequestContext) {
  const response = await request.get(`${app.url}/api/health/ready`);
  expect(response.headers()['cache-control']).toBe('no-store');
  return {
    status: response.status(),
    body: (await response.json()) as Ready,
    requestId: response.headers()['x-request-id'],
  };
}

/** Polls until ready answers `status`; returns that answer. */
async function readyBecomes(request: APIRequestContext, status: 200 | 503) {
  let last: Awaited<ReturnType<typeof ready>> | undefined;
  await expect
    .poll(async () => (last = await ready(request)).status, { timeout: 20_000, intervals: [200] })
    .toBe(status);
  return last!;
}

function openDb() {
  return new Database(app.databaseFile);
}

test('liveness and readiness answer 200 with every check when all is well', async ({ request }) => {
  const live = await request.get(`${app.url}/api/health`);
  expect(live.status()).toBe(200);
  const { status, body } = await ready(request);
  expect(status).toBe(200);
  expect(body).toEqual({
    ok: true,
    checks: {
      database: { ok: true },
      schijfruimte: { ok: true },
      verzender: { ok: true, overgeslagen: 'Geen verzending bezig of te starten' },
      mailserver: { ok: true, overgeslagen: 'Geen verzending bezig' },
    },
  });
});

test('a database another process holds: 503 naming the database, 200 once it lets go', async ({
  request,
}) => {
  const other = openDb();
  other.exec('begin immediate');
  other.prepare("insert into worker_leases values ('slot', 'test', 'test', 1, 1)").run();
  try {
    const { body, requestId } = await readyBecomes(request, 503);
    expect(body.checks.database).toEqual({
      ok: false,
      reden:
        'Schrijven in de database mislukt: de database wordt door een ander proces vastgehouden (SQLITE_BUSY)',
    });
    expect(body.checks.schijfruimte).toEqual({ ok: true });
    // Liveness stays 200: the process serves, restarting it would not help.
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);
    // The route's own log line carries the request id serve.ts gave the request.
    await expect
      .poll(() => app.logLines().some((l) => l.includes(`"requestId":"${requestId}"`)))
      .toBe(true);
    const lines = app.logLines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.requestId === requestId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', msg: 'niet gereed' }),
        expect.objectContaining({
          level: 'info',
          msg: 'request',
          method: 'GET',
          route: '/api/health/ready',
          status: 503,
        }),
      ]),
    );
  } finally {
    other.exec('rollback');
    other.close();
  }
  expect((await readyBecomes(request, 200)).body.ok).toBe(true);
});

/** Fills the disk under the data folder: to the last page on the tmpfs, else past the limit. */
function fillDisk(file: string) {
  const fd = fs.openSync(file, 'w');
  try {
    if (mounted) {
      for (const size of [MB, 4096]) {
        const chunk = Buffer.alloc(size, 1);
        for (;;) {
          try {
            fs.writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            break;
          }
        }
      }
    } else {
      const chunk = Buffer.alloc(MB, 1);
      for (let written = 0; written < margin;) written += fs.writeSync(fd, chunk);
      fs.fsyncSync(fd);
    }
  } finally {
    fs.closeSync(fd);
  }
}

test('a full disk: 503 naming the disk space (and the database that can no longer grow), 200 once there is room', async ({
  request,
}) => {
  if (mounted) {
    // An empty WAL: the next commit must grow it, as on a disk that filled up between checkpoints.
    const database = openDb();
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
  }
  const filler = path.join(dir, 'vol.bin');
  fillDisk(filler);
  try {
    const { body } = await readyBecomes(request, 503);
    expect(body.checks.schijfruimte).toEqual({
      ok: false,
      reden: expect.stringMatching(
        /^Nog [\d.,]+ MB vrij op de schijf met de gegevens; minimaal [\d.,]+ MB nodig \(HEALTH_MIN_FREE_MB\)$/,
      ),
    });
    if (mounted)
      await expect
        .poll(async () => (await ready(request)).body.checks.database)
        .toEqual({
          ok: false,
          reden: 'Schrijven in de database mislukt: de schijf is vol (SQLITE_FULL)',
        });
  } finally {
    fs.rmSync(filler, { force: true });
  }
  const { body } = await readyBecomes(request, 200);
  expect(body.checks.database).toEqual({ ok: true });
});

/** The sender as `npm run worker` runs it, on the app's database. */
function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/worker.ts')], {
    stdio: 'ignore',
    env: {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: app.databaseFile,
      AUTH_SECRET: SECRET,
      PUBLIC_URL: app.url,
      SEND_POLL_MS: '200',
      // No daily backup at its start: copies of the database would fill the small tmpfs, and a
      // full disk is the previous test's subject, not this one's.
      BACKUP_SCHEDULE: 'uit',
    },
  });
  workers.push(worker);
  return worker;
}

test('the sender gone while a send runs: 503 naming the sender, 200 while one runs', async ({
  request,
}) => {
  // A send that stays running: its one copy waits a day for a retry, so nothing goes out.
  const database = openDb();
  const issueId = database
    .prepare("select id from issues where status = 'concept' limit 1")
    .pluck()
    .get() as number;
  const subscriberId = database.prepare('select id from subscribers limit 1').pluck().get();
  database
    .prepare("update issues set status = 'sending', send_started_at = ? where id = ?")
    .run(Date.now(), issueId);
  database
    .prepare(
      "insert into deliveries (issue_id, subscriber_id, status, next_attempt_at) values (?, ?, 'retry', ?)",
    )
    .run(issueId, subscriberId, Date.now() + 86_400_000);
  try {
    let { body } = await readyBecomes(request, 503);
    expect(body.checks.verzender).toEqual({
      ok: false,
      reden: 'Er draait geen verzender: start de verzender met npm run worker (SEND_WORKER=apart)',
    });
    // The send started just now: the mail server has its minutes to answer.
    expect(body.checks.mailserver).toEqual({ ok: true });

    const worker = startWorker();
    ({ body } = await readyBecomes(request, 200));
    expect(body.checks.verzender).toEqual({ ok: true });

    // Killed, no chance to let go of its lease: its pid is gone, so it counts as stopped at once.
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    ({ body } = await readyBecomes(request, 503));
    expect(body.checks.verzender).toEqual({
      ok: false,
      reden:
        'Het verzendproces is gestopt: start de verzender met npm run worker (SEND_WORKER=apart)',
    });

    const again = startWorker();
    await readyBecomes(request, 200);
    // Stopped cleanly, it gives the lease back: no sender at all.
    const stopped = new Promise((resolve) => again.once('exit', resolve));
    again.kill('SIGTERM');
    await stopped;
    ({ body } = await readyBecomes(request, 503));
    expect(body.checks.verzender.reden).toMatch(/^Er draait geen verzender/);
  } finally {
    database.prepare('delete from deliveries where issue_id = ?').run(issueId);
    database
      .prepare("update issues set status = 'concept', send_started_at = null where id = ?")
      .run(issueId);
    database.close();
  }
  await readyBecomes(request, 200);
});

test('metrics: behind the token, with the requests serve.ts counted by route pattern', async ({
  request,
}) => {
  expect((await request.get(`${app.url}/api/metrics`)).status()).toBe(401);
  expect(
    (
      await request.get(`${app.url}/api/metrics`, {
        headers: { authorization: 'Bearer niet-het-goede-token-maar-wel-lang' },
      })
    ).status(),
  ).toBe(401);
  // A path with a token in it: counted under its pattern only.
  await request.get(`${app.url}/voorkeuren/een-geheim-token-van-een-lezer`);
  const response = await request.get(`${app.url}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  // Counted by scripts/serve.ts (loaded by tsx), read by the route (bundled by Next).
  expect(text).toMatch(
    /^kopij_http_requests_total\{method="GET",route="\/api\/health\/ready",status="503"\} [1-9]\d*$/m,
  );
  expect(text).toMatch(
    /^kopij_http_requests_total\{method="GET",route="\/api\/health\/ready",status="200"\} [1-9]\d*$/m,
  );
  expect(text).toMatch(
    /^kopij_http_requests_total\{method="GET",route="\/voorkeuren\/\[token\]",status="\d+"\} 1$/m,
  );
  expect(text).not.toContain('een-geheim-token');
  expect(text).toMatch(
    /^kopij_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]\d*$/m,
  );
  expect(text).toMatch(/^kopij_signups_total\{stage="confirmed"\} [1-9]\d*$/m);
  expect(text).toContain('kopij_process_resident_memory_bytes');
  // The log: JSON lines, no e-mail address in any of them.
  const lines = app.logLines();
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record).toMatchObject({ time: expect.any(String), level: expect.any(String) });
    expect(line).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  }
});
