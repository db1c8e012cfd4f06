// Started by Playwright (webServer): a loopback SMTP server that files every message it
// receives, a fresh migrated and seeded database, and the web server (scripts/serve.ts) on the last build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seed } from '@/scripts/seed';
import { startTestSmtp } from '@/lib/test/smtp';

const dir = process.env.KOPIJ_E2E_DIR!;
const port = process.env.E2E_PORT ?? '3210';
const mailDir = path.join(dir, 'mail');
fs.mkdirSync(mailDir, { recursive: true });

let counter = 0;
async function main() {
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
  database.$client.close();

  const next = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('scripts/serve.ts')], {
    stdio: 'inherit',
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
      SUBSCRIBE_CLIENT_LIMIT: '100000',
      // Slow enough to watch a send's progress and pause it; the scheduler looks every second.
      SEND_RATE: '4',
      SEND_POLL_MS: '500',
      PORT: port,
    },
  });

  async function stop() {
    next.kill('SIGTERM');
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
    // The run's folder holds one folder per worker's app: the last app to stop removes it.
    const run = path.dirname(dir);
    const others = fs.existsSync(run) ? fs.readdirSync(run) : [];
    if (others.length === 0) fs.rmSync(run, { recursive: true, force: true });
    process.exit(0);
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  next.on('exit', (code) => {
    console.error(`next start stopte (code ${code})`);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
