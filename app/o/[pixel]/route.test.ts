import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueOpens, issues, newsletters } from '@/db/schema';
import { appOpens } from '@/lib/clicks/app-counter';
import { PIXEL_GIF } from '@/lib/clicks/opens';
import { clickKey, pixelSignature, pixelUrl } from '@/lib/clicks/signature';
import { epochHour } from '@/lib/stats/tally';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// The open pixel as the app serves it: the route, the process's counter, a seeded database
// whose newsletter has opens on.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

let GET: typeof import('./route').GET;
let HEAD: typeof import('./route').HEAD;
const database = () => state.database as ReturnType<typeof testDb>;
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
let issueId: number;

beforeAll(async () => {
  state.database = testDb();
  seed(database());
  issueId = database().select({ id: issues.id }).from(issues).get()!.id;
  ({ GET, HEAD } = await import('./route'));
});

beforeEach(() => {
  database().update(newsletters).set({ openTracking: true }).run();
  appOpens().counter.flush();
  database().delete(issueOpens).run();
});

/** The pixel's last path segment, as the mail has it. */
const pixel = (issue = issueId) =>
  pixelUrl('https://x.example', clickKey(), issue).split('/o/')[1]!;

function load(name: string, options: { method?: string; agent?: string | null } = {}) {
  const headers = new Headers();
  if (options.agent !== null) headers.set('user-agent', options.agent ?? firefox);
  const request = new Request(`http://localhost/o/${name}`, {
    method: options.method ?? 'GET',
    headers,
  });
  const context = { params: Promise.resolve({ pixel: name }) };
  return options.method === 'HEAD' ? HEAD(request, context) : GET(request, context);
}

const counts = () => {
  appOpens().counter.flush();
  return database()
    .select()
    .from(issueOpens)
    .all()
    .map(({ issueId, opens, automated }) => ({ issueId, opens, automated }));
};

describe('GET /o/<issue>.<signature>.gif', () => {
  it('answers the transparent GIF at once, uncached, and counts one open per GET', async () => {
    const response = await load(pixel());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(response.headers.get('cache-control')).toBe('no-store, private');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PIXEL_GIF);
    expect(PIXEL_GIF.subarray(0, 6).toString()).toBe('GIF89a');
    // In memory until the flush.
    await load(pixel());
    expect(database().select().from(issueOpens).all()).toEqual([]);
    expect(counts()).toEqual([{ issueId, opens: 2, automated: 0 }]);
    expect(database().select().from(issueOpens).get()!.hour).toBe(epochHour(Date.now()));
  });

  it('counts HEAD and scanner agents apart, as automated', async () => {
    const head = await load(pixel(), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    await load(pixel(), { agent: 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))' });
    await load(pixel(), { agent: null });
    await load(pixel());
    expect(counts()).toEqual([{ issueId, opens: 1, automated: 3 }]);
  });

  it.each([
    ['a wrong signature', () => `${issueId}.AAAAAAAAAAAA.gif`],
    [
      'another issue’s signature',
      () => `${issueId + 1}.${pixelSignature(clickKey(), issueId)}.gif`,
    ],
    ['a signature made with another key', () => pixelUrl('', clickKey('x'.repeat(40)), issueId)],
    ['a malformed name', () => `${issueId}.gif`],
    ['another extension', () => pixel().replace(/\.gif$/, '.png')],
  ])('refuses %s with 400 in Dutch and counts nothing', async (_, made) => {
    const name = made().replace(/^\/o\//, '');
    for (const method of ['GET', 'HEAD']) {
      const response = await load(name, { method });
      expect(response.status).toBe(400);
      if (method === 'GET') expect(await response.text()).toBe('Deze afbeelding bestaat niet.');
    }
    expect(counts()).toEqual([]);
  });

  it('still answers, but counts nothing, once the newsletter has opens off', async () => {
    database().update(newsletters).set({ openTracking: false }).run();
    expect((await load(pixel())).status).toBe(200);
    expect(counts()).toEqual([]);
  });

  it('skips the opens of an issue deleted while they waited', async () => {
    const [other] = database()
      .select({ id: issues.id })
      .from(issues)
      .where(eq(issues.status, 'concept'))
      .all();
    await load(pixel(other!.id));
    database().delete(issues).where(eq(issues.id, other!.id)).run();
    expect(counts()).toEqual([]);
  });
});
