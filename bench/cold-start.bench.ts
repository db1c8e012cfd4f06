// Time from starting the web server (scripts/serve.ts) to its first 200 on /api/health, on a seeded database.
import { ensureBuild, startServer } from './http';
import { median, report, round, seededDatabase } from './support';

const runs = 5;

ensureBuild();

async function once(dataDir: string, databaseFile: string): Promise<number> {
  const server = startServer({ port: 3290, dataDir, databaseFile, pollMs: 5 });
  try {
    return await server.ready;
  } finally {
    await server.stop();
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
