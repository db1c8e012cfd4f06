import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { issues } from '@/db/schema';
import { resetDatabaseProbe } from '@/lib/observe/health-storage';
import { seed } from '@/scripts/seed';

// The route on a real database file, configured through the environment as in production.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

type Database = ReturnType<typeof openDatabase>;
let GET: () => Response;
const saved = { ...process.env };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-ready-'));

beforeAll(async () => {
  Object.assign(process.env, {
    DATA_DIR: dir,
    SEND_WORKER: 'apart',
    HEALTH_MIN_FREE_MB: '1',
  });
  const database = openDatabase(path.join(dir, 'kopij.db'));
  migrateDatabase(database);
  seed(database);
  state.database = database;
  ({ GET } = await import('./route'));
});

afterAll(() => {
  (state.database as Database).$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.env = saved;
});

describe('GET /api/health/ready', () => {
  it('answers 200 with every check, uncached, when all pass', async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      ok: true,
      checks: {
        database: { ok: true },
        schijfruimte: { ok: true },
        verzender: { ok: true, overgeslagen: 'Geen verzending bezig of te starten' },
        mailserver: { ok: true, overgeslagen: 'Geen verzending bezig' },
      },
    });
  });

  it('answers 503 naming the failed check while a send runs without a sender, and 200 once it stops', async () => {
    const database = state.database as Database;
    const id = database.select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
    const set = (status: 'sending' | 'concept') =>
      database
        .update(issues)
        .set({ status, sendStartedAt: status === 'sending' ? new Date() : null })
        .where(eq(issues.id, id))
        .run();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    set('sending');
    const response = GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.checks.verzender).toEqual({
      ok: false,
      reden: 'Er draait geen verzender: start de verzender met npm run worker (SEND_WORKER=apart)',
    });
    expect(body.checks.database).toEqual({ ok: true });
    set('concept');
    expect(GET().status).toBe(200);
  });

  it('answers 503 naming the database when it is held by another process', async () => {
    const database = state.database as Database;
    const other = openDatabase(database.$client.name);
    other.$client.exec('begin immediate');
    other.$client.prepare("insert into worker_leases values ('x', 'x', 'x', 1, 1)").run();
    resetDatabaseProbe();
    const response = GET();
    expect(response.status).toBe(503);
    expect((await response.json()).checks.database).toEqual({
      ok: false,
      reden:
        'Schrijven in de database mislukt: de database wordt door een ander proces vastgehouden (SQLITE_BUSY)',
    });
    other.$client.exec('rollback');
    other.$client.close();
    expect(GET().status).toBe(200);
  });
});
