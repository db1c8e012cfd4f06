// Time from starting the web server (scripts/serve.ts) to its first 200 on /api/health, on a seeded database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, report, round, seededDatabase } from './support';

const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, 'node_modules/.bin/next');
const port = 3290;
const runs = 5;

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  spawnSync(next, ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

async function once(dataDir: string, databaseFile: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts')], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseFile,
      AUTH_SECRET: 'b'.repeat(40),
    },
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000)
        throw new Error('geen 200 van /api/health binnen 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const db = seededDatabase();
const times: number[] = [];
for (let i = 0; i < runs; i++) times.push(await once(db.dir, db.file));
db.dispose();
report({
  name: 'cold-start',
  value: round(median(times), 1),
  unit: 'ms',
  runs,
  min: round(Math.min(...times), 1),
  max: round(Math.max(...times), 1),
});
