import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ fail: false }));
vi.mock('@/db', () => ({
  db: () => ({
    get: () => {
      if (state.fail) throw new Error('SQLITE_CANTOPEN');
      return { 1: 1 };
    },
  }),
}));

const { GET } = await import('./route');

describe('GET /api/health', () => {
  it('answers 200 {"ok":true} when the database answers', async () => {
    state.fail = false;
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers 503 when it does not', async () => {
    state.fail = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false });
  });
});
