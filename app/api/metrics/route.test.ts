import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/db';
import { observeRequest } from '@/lib/observe/requests';
import { seed } from '@/scripts/seed';

const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

const TOKEN = 'metrics-token-voor-de-test-0123456789';
const saved = { ...process.env };

async function load(token: string | undefined) {
  vi.resetModules();
  if (token) process.env.METRICS_TOKEN = token;
  else delete process.env.METRICS_TOKEN;
  return (await import('./route')).GET;
}

const get = (GET: (r: Request) => Promise<Response>, authorization?: string) =>
  GET(
    new Request('http://localhost/api/metrics', {
      headers: authorization ? { authorization } : {},
    }),
  );

beforeAll(() => {
  state.database = testDb();
  seed(state.database as ReturnType<typeof testDb>);
});
afterAll(() => {
  process.env = saved;
});

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const response = await get(await load(undefined), `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const GET = await load(TOKEN);
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      TOKEN,
    ]) {
      const response = await get(GET, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('kopij_');
    }
  });

  it('gives the Prometheus text with requests, sending, bounces, sign-ups, backup age and process metrics', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // Counted by this copy of lib/observe; load() gives the route fresh copies of every module,
    // as Next's bundle is beside scripts/serve.ts: the count must still be there.
    observeRequest({ method: 'GET', path: '/nergens', status: 404, durationMs: 5, requestId: 'r' });
    const response = await get(await load(TOKEN), `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    for (const line of [
      '# TYPE kopij_http_requests_total counter',
      'kopij_http_requests_total{method="GET",route="(overig)",status="404"} 1',
      '# TYPE kopij_http_request_duration_seconds histogram',
      '# TYPE kopij_messages_sent_total counter',
      'kopij_send_queue_depth{state="queued"} 0',
      'kopij_delivery_failures_total{class="reader"} 0',
      'kopij_send_relay_pauses_total 0',
      'kopij_bounces_total{kind="hard"} 0',
      'kopij_signups_total{stage="confirmed"}',
      'kopij_backup_age_seconds +Inf',
      'kopij_metrics_database_up 1',
      '# TYPE kopij_process_resident_memory_bytes gauge',
      '# TYPE kopij_nodejs_eventloop_lag_seconds gauge',
    ])
      expect(text).toContain(line);
    // No e-mail addresses or tokens: only counts.
    expect(text).not.toMatch(/@/);
  });

  it('still answers with the process metrics when the database cannot be read', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const GET = await load(TOKEN);
    const working = state.database;
    state.database = testDb();
    (state.database as ReturnType<typeof testDb>).$client.close();
    try {
      const response = await get(GET, `Bearer ${TOKEN}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('kopij_metrics_database_up 0');
      expect(text).toContain('kopij_process_resident_memory_bytes');
    } finally {
      state.database = working;
    }
  });
});
