import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { deliveries, subscribers } from '@/db/schema';
import {
  prng,
  sendFixture,
  startFixtureSend,
  waitForStatus,
  type SendFixture,
} from '@/lib/test/send-fixture';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';

// A child process running `npm run worker`'s code sends 1,000 copies and is killed with SIGKILL
// at a random moment, then started again to finish, each run on a fresh copy of the database.
// Ten runs keep `npm test` quick; CRASH_RUNS=200 makes it a soak test (the seed stays the same,
// so a failing run can be repeated).
const READERS = 1000;
const RUNS = Number(process.env.CRASH_RUNS ?? 10);
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-crash-'));
const template = path.join(dir, 'template.db');
// Inside node_modules/.cache so the bundle's own imports (better-sqlite3) resolve.
const bundleDir = path.join(root, 'node_modules', '.cache', `kopij-crash-${process.pid}`);
const bundle = path.join(bundleDir, 'worker.mjs');

let smtp: TestSmtp;
let fixture: SendFixture;

// Bundling the worker and filling 1,000 readers, while the build and typecheck start beside it,
// takes well past the default 10 s on a loaded machine: the setup says what it needs.
beforeAll(async () => {
  // scripts/worker.ts (what `npm run worker` runs) bundled once: forty starts under tsx would
  // spend minutes compiling the same module graph.
  await build({
    entryPoints: [path.join(root, 'scripts/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    external: ['better-sqlite3'],
    jsx: 'automatic',
    logLevel: 'error',
    // CommonJS dependencies inside an ES module bundle need a require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  // db/migrate.ts finds its migrations next to itself, which for the bundle is this folder.
  fs.cpSync(path.join(root, 'db', 'migrations'), path.join(bundleDir, 'migrations'), {
    recursive: true,
  });
  const database = openDatabase(template);
  migrateDatabase(database);
  fixture = sendFixture(database, READERS);
  database.$client.pragma('wal_checkpoint(TRUNCATE)');
  database.$client.close();
  smtp = await startTestSmtp();
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

function worker(databaseFile: string): ChildProcess {
  return spawn(process.execPath, [bundle], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: databaseFile,
      DATA_DIR: dir,
      SMTP_URL: smtp.url,
      AUTH_SECRET: 'een-geheim-van-minstens-tweeendertig-tekens',
      PUBLIC_URL: 'https://nieuwsbrief.example.nl',
      SEND_CONCURRENCY: '8',
      SEND_POLL_MS: '20',
      SEND_RETRY_SECONDS: '0.01',
    },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a sending process killed at a random moment', () => {
  it("loses nothing and doubles only what was in flight, with the first copy's Message-ID", async () => {
    const random = prng(2026);
    let duplicates = 0;
    const report: { run: number; killedAfter: number; inFlight: number; duplicates: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const file = path.join(dir, `run-${run}.db`);
      fs.copyFileSync(template, file);
      const database = openDatabase(file);
      startFixtureSend(database, fixture.issueId);
      const first = smtp.messages.length;
      const killAt = Math.floor(random() * READERS);

      const child = worker(file);
      while (smtp.messages.length - first < killAt && child.exitCode === null) await sleep(1);
      child.kill('SIGKILL');
      await exited(child);
      await sleep(50); // let the server finish reading what the dead process wrote
      const inFlight = new Set(
        database
          .select({ email: subscribers.email })
          .from(deliveries)
          .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
          .where(eq(deliveries.status, 'sending'))
          .all()
          .map((r) => r.email!),
      );

      const again = worker(file);
      await waitForStatus(database, fixture.issueId, 'sent', 120_000);
      again.kill('SIGTERM');
      await exited(again);
      database.$client.close();

      const copies = new Map<string, string[]>();
      for (const mail of smtp.messages.slice(first)) {
        // Our own header block, as the server stored it: no need to parse 30 KB bodies 40,000 times.
        const id = /\r\nMessage-ID: (<[^>]+>)/.exec(
          mail.raw.subarray(0, 4096).toString('latin1'),
        )?.[1];
        expect(id, `run ${run}: a copy without Message-ID`).toBeTruthy();
        for (const to of mail.envelopeTo) copies.set(to, [...(copies.get(to) ?? []), id!]);
      }
      const missing = [...fixture.readers.keys()].filter((email) => !copies.has(email));
      const doubled = [...copies].filter(([, ids]) => ids.length > 1);
      expect(missing, `run ${run}: readers without a copy`).toEqual([]);
      for (const [email, ids] of doubled) {
        expect(
          inFlight.has(email),
          `run ${run}: ${email} got a second copy but was not in flight`,
        ).toBe(true);
        expect(new Set(ids).size, `run ${run}: ${email}'s copies differ in Message-ID`).toBe(1);
      }
      duplicates += doubled.reduce((n, [, ids]) => n + ids.length - 1, 0);
      report.push({
        run,
        killedAfter: killAt,
        inFlight: inFlight.size,
        duplicates: doubled.length,
      });
    }
    console.log(
      JSON.stringify({
        name: 'crash-test',
        runs: RUNS,
        readers: READERS,
        duplicates,
        perRun: report,
      }),
    );
  }, 900_000);
});
