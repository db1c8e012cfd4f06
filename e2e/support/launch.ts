import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seed } from '@/scripts/seed';
import { addDemoImages } from '@/lib/demo/images';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';

// Starts one app as the e2e suite runs it: a loopback SMTP server that files every message it
// receives under `<dir>/mail`, a fresh migrated and seeded database and the web server
// (scripts/serve.ts) on the last build. Used by e2e/server.ts for the workers' apps and by the
// specs that need an app of their own with other settings (e2e/support/own-app.ts).

export type LaunchedApp = { server: ChildProcess; smtp: TestSmtp; databaseFile: string };

export async function launchApp({
  dir,
  port,
  env = {},
  stdio = 'inherit',
}: {
  dir: string;
  port: number;
  /** Added to (or replacing) the suite's settings below. */
  env?: Record<string, string>;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): Promise<LaunchedApp> {
  const mailDir = path.join(dir, 'mail');
  fs.mkdirSync(mailDir, { recursive: true });
  let counter = 0;
  const smtp = await startTestSmtp((mail) => {
    counter += 1;
    for (const to of mail.envelopeTo)
      fs.writeFileSync(
        path.join(mailDir, `${String(counter).padStart(5, '0')}-${to}.eml`),
        mail.raw,
      );
  });

  const databaseFile = path.join(dir, 'kopij.db');
  const database = openDatabase(databaseFile);
  migrateDatabase(database);
  seed(database);
  await addDemoImages(database, dir);
  database.$client.close();

  // node --import tsx rather than the tsx wrapper: the child's pid is the server itself, so a
  // test can read its memory and stop it without a second process in between.
  const server = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/serve.ts')], {
    stdio,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      DATABASE_URL: databaseFile,
      SMTP_URL: smtp.url,
      PUBLIC_URL: `http://localhost:${port}`,
      AUTH_SECRET: 'e2e-geheim-alleen-voor-tests-0123456789abcdef',
      AUTH_TRUST_HOST: 'true',
      // The suite signs in dozens of times; the limit itself has its own test.
      SIGN_IN_LIMIT: '500',
      SIGN_IN_ADDRESS_LIMIT: '5000',
      SUBSCRIBE_CLIENT_LIMIT: '100000',
      // Slow enough to watch a send's progress and pause it; the scheduler looks every second.
      SEND_RATE: '4',
      SEND_POLL_MS: '500',
      BACKUP_SCHEDULE: 'uit',
      // An access log line per request would bury what matters in the test output.
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...env,
    },
  });
  return { server, smtp, databaseFile };
}

/** Resolves once the app answers its health check; rejects when it exits or takes too long. */
export async function waitForApp(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`de app stopte (code ${server.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`de app antwoordde niet binnen ${timeoutMs / 1000} s`);
}
