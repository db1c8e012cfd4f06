// `npm start`: one command from a fresh clone to a running app with demo content.
// Checks the configuration, migrates, seeds an empty database, builds when the sources changed
// since the last build, starts the web server (scripts/serve.ts) and prints a sign-in link for
// the demo admin.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { addDemoImages } from '@/lib/demo/images';
import { users } from '@/db/schema';
import { demoEditors, isEmpty } from '@/lib/demo/content';
import { createSignInLink } from '@/lib/auth/magic-link';
import { ConfigError, parseConfig, prepareRuntime, type Config } from '@/lib/config';
import { seed } from './seed';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const tsxBin = path.join(root, 'node_modules', '.bin', 'tsx');
const stampFile = path.join(root, '.next', 'kopij-build-stamp');

function prepare(): Config & { authSecret: string } {
  try {
    const config = prepareRuntime(parseConfig());
    return { ...config, authSecret: config.authSecret! };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `\n${error.message}\n\nKopij is niet gestart. Pas de genoemde variabele aan en probeer het opnieuw.`,
      );
      process.exit(1);
    }
    throw error;
  }
}

/** A hash of everything that goes into `next build`, so an unchanged tree is not rebuilt. */
function sourceStamp(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['app', 'components', 'db', 'emails', 'lib', 'public']) {
    if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  }
  for (const file of [
    'auth.ts',
    'instrumentation.ts',
    'proxy.ts',
    'next.config.ts',
    'package-lock.json',
    'postcss.config.mjs',
    'tsconfig.json',
  ]) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

function buildIfNeeded() {
  const stamp = sourceStamp();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  console.log('Kopij wordt gebouwd (eenmalig na elke wijziging, ongeveer 20 seconden)...');
  const result = spawnSync(nextBin, ['build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, stamp);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function main() {
  const config = prepare();
  const database = openDatabase(config.databaseFile);
  migrateDatabase(database);
  if (isEmpty(database)) {
    seed(database);
    await addDemoImages(database, config.dataDir);
    console.log('Lege database: demo-inhoud geladen.');
  }
  buildIfNeeded();

  const host = process.env.HOST ?? '127.0.0.1';
  const server = spawn(tsxBin, [path.join(root, 'scripts', 'serve.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_TRUST_HOST: 'true',
      HOST: host,
      PORT: String(config.port),
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  if (!(await waitForHealth(`http://127.0.0.1:${config.port}/api/health`, 60_000))) {
    console.error('Kopij antwoordt niet op /api/health; zie de meldingen hierboven.');
    return;
  }
  const admin = demoEditors[0];
  const adminRow = database
    .select({ active: users.active })
    .from(users)
    .where(eq(users.email, admin.email))
    .get();
  console.log(`\nKopij draait op ${config.publicUrl}`);
  if (!config.smtpUrl) console.log(`E-mail gaat naar bestanden in ${config.outboxDir}`);
  if (!config.smtpUrl && adminRow?.active) {
    const link = createSignInLink(database, {
      email: admin.email,
      secret: config.authSecret,
      publicUrl: config.publicUrl,
      maxAgeMs: 24 * 60 * 60 * 1000,
    });
    console.log(
      `Inloglink voor de demo-beheerder ${admin.email} (24 uur geldig, één keer te gebruiken):\n  ${link}\n`,
    );
  }
  database.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
