import { asc } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueLinks, issues, linkClicks } from '@/db/schema';
import { appClicks } from '@/lib/clicks/app-counter';
import { epochHour } from '@/lib/clicks/classify';
import { linkSignature } from '@/lib/clicks/signature';
import { clickKey } from '@/lib/clicks/signature';
import { PEER_HEADER } from '@/lib/http/headers';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// The redirect as the app serves it: the route, the process's counter, a seeded database.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

let GET: typeof import('./route').GET;
let HEAD: typeof import('./route').HEAD;
const database = () => state.database as ReturnType<typeof testDb>;
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const TARGET = 'https://www.example.org/agenda?jaar=2026&stuk=3#begroting';
let issueId: number;
let otherIssueId: number;
const linkIds: number[] = [];

beforeAll(async () => {
  state.database = testDb();
  seed(database());
  [issueId, otherIssueId] = database()
    .select({ id: issues.id })
    .from(issues)
    .all()
    .map((r) => r.id) as [number, number];
  for (const [position, url] of [
    TARGET,
    'https://example.org/2',
    'https://example.org/3',
  ].entries())
    linkIds.push(
      database()
        .insert(issueLinks)
        .values({ issueId, position: position + 1, url, label: 'Agenda' })
        .returning({ id: issueLinks.id })
        .get().id,
    );
  ({ GET, HEAD } = await import('./route'));
});

beforeEach(() => {
  appClicks().counter.flush();
  database().delete(linkClicks).run();
});

const sign = (issue: number, position: number, url = TARGET) =>
  `${position}.${linkSignature(clickKey(), issue, position, url)}`;

function click(
  issue: string | number,
  link: string,
  options: { method?: string; agent?: string | null; peer?: string } = {},
) {
  const headers = new Headers({ [PEER_HEADER]: options.peer ?? '192.0.2.10' });
  if (options.agent !== null) headers.set('user-agent', options.agent ?? firefox);
  const url = `http://localhost/k/${issue}/${link}`;
  const request = new Request(url, { method: options.method ?? 'GET', headers });
  const context = { params: Promise.resolve({ issue: String(issue), link }) };
  return options.method === 'HEAD' ? HEAD(request, context) : GET(request, context);
}

const counts = () => {
  appClicks().counter.flush();
  return database()
    .select()
    .from(linkClicks)
    .orderBy(asc(linkClicks.linkId))
    .all()
    .map((r) => ({
      link: linkIds.indexOf(r.linkId) + 1,
      clicks: r.clicks,
      automated: r.automated,
    }));
};

describe('GET /k/<issue>/<position>.<signature>', () => {
  it('answers a signed link at once with 302 to exactly its URL, uncached', async () => {
    const response = await click(issueId, sign(issueId, 1));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(TARGET);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(counts()).toEqual([{ link: 1, clicks: 1, automated: 0 }]);
  });

  it('counts in memory: no row until the counter flushes', async () => {
    await click(issueId, sign(issueId, 1));
    await click(issueId, sign(issueId, 1));
    expect(database().select().from(linkClicks).all()).toEqual([]);
    appClicks().counter.flush();
    const [row] = database().select().from(linkClicks).all();
    expect(row).toMatchObject({ clicks: 2, automated: 0 });
    expect(row!.hour).toBe(epochHour(Date.now()));
  });

  it.each([
    ['an altered position', () => [issueId, sign(issueId, 1).replace(/^1\./, '2.')]],
    ['an altered issue', () => [otherIssueId, sign(issueId, 1)]],
    ['a wrong signature', () => [issueId, '1.AAAAAAAAAAAA']],
    [
      'a signature for another URL',
      () => [issueId, sign(issueId, 1, 'https://aanvaller.example/')],
    ],
    ['an unknown link', () => [issueId, sign(issueId, 99)]],
    ['an issue without counted links', () => [otherIssueId, sign(otherIssueId, 1)]],
    ['a malformed link', () => [issueId, '1.kort']],
    ['a malformed issue', () => ['4x', sign(issueId, 1)]],
  ])('refuses %s with 400 in Dutch and no redirect', async (_, made) => {
    const [issue, link] = made() as [number | string, string];
    for (const method of ['GET', 'HEAD']) {
      const response = await click(issue, link, { method });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      if (method === 'GET') expect(await response.text()).toMatch(/^Deze link is ongeldig/);
    }
    expect(counts()).toEqual([]);
  });

  it('counts HEAD requests and scanner agents as automated, not as clicks', async () => {
    const head = await click(issueId, sign(issueId, 1), { method: 'HEAD' });
    expect(head.status).toBe(302);
    expect(head.headers.get('location')).toBe(TARGET);
    await click(issueId, sign(issueId, 1), {
      agent: 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))',
      peer: '192.0.2.20',
    });
    await click(issueId, sign(issueId, 1), { agent: null, peer: '192.0.2.21' });
    await click(issueId, sign(issueId, 1), { peer: '192.0.2.22' });
    expect(counts()).toEqual([{ link: 1, clicks: 1, automated: 3 }]);
  });

  it('counts a burst over three links from one address as automated after its first click', async () => {
    const links = [1, 2, 3].map((p) =>
      sign(issueId, p, [TARGET, 'https://example.org/2', 'https://example.org/3'][p - 1]),
    );
    for (const link of links)
      expect((await click(issueId, link, { peer: '198.51.100.7' })).status).toBe(302);
    // Another reader at the same time is not part of it.
    await click(issueId, links[1]!, { peer: '198.51.100.8' });
    expect(counts()).toEqual([
      { link: 1, clicks: 1, automated: 0 },
      { link: 2, clicks: 1, automated: 1 },
      { link: 3, clicks: 0, automated: 1 },
    ]);
  });
});

describe('the same links answered by the web server itself (lib/clicks/in-server.ts)', () => {
  it('redirects and counts as the route does, refuses the same, and leaves other requests to Next', async () => {
    const http = await import('node:http');
    const { answerClickInServer } = await import('@/lib/clicks/in-server');
    const server = http.createServer((request, response) => {
      request.headers[PEER_HEADER] = '192.0.2.77';
      if (answerClickInServer(request, response)) return;
      response.writeHead(404);
      response.end('naar Next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const at = (path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        redirect: 'manual',
        ...init,
        headers: { 'user-agent': firefox, ...init.headers },
      });
    try {
      const followed = await at(`/k/${issueId}/${sign(issueId, 1)}`);
      expect(followed.status).toBe(302);
      expect(followed.headers.get('location')).toBe(TARGET);
      expect(followed.headers.get('cache-control')).toBe('no-store');
      expect(counts()).toEqual([{ link: 1, clicks: 1, automated: 0 }]);

      const forged = await at(`/k/${issueId}/${sign(issueId, 1).replace(/^1\./, '2.')}`);
      expect(forged.status).toBe(400);
      expect(forged.headers.get('location')).toBeNull();
      expect(await forged.text()).toContain('Deze link is ongeldig of beschadigd');
      expect((await at(`/k/${issueId}/${sign(issueId, 1)}`, { method: 'POST' })).status).toBe(404);
      expect((await at('/k/')).status).toBe(404);
      expect(counts()).toEqual([{ link: 1, clicks: 1, automated: 0 }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
