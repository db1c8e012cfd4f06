import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import {
  keyMatches,
  notifyArchive,
  pathsToRevalidate,
  REVALIDATE_PATH,
  revalidationKey,
} from './revalidate';

const secret = 'r'.repeat(40);

/** A loopback server answering with the given statuses in turn; records what it was sent. */
async function app(statuses: number[]) {
  const calls: { path: string; authorization?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ path: req.url!, authorization: req.headers.authorization, body });
      res.writeHead(statuses[Math.min(calls.length - 1, statuses.length - 1)]!).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise((r) => server.close(r)) };
}

describe('archive revalidation', () => {
  it('accepts only the key derived from the shared secret', () => {
    expect(keyMatches(`Bearer ${revalidationKey(secret)}`, secret)).toBe(true);
    expect(keyMatches(`Bearer ${revalidationKey('s'.repeat(40))}`, secret)).toBe(false);
    expect(keyMatches(null, secret)).toBe(false);
    expect(keyMatches('Bearer ', secret)).toBe(false);
  });

  it('refreshes the page of a sent issue and the lists, nothing for a draft or an unknown id', () => {
    const database = testDb();
    seed(database);
    const sent = database.select().from(issues).where(eq(issues.status, 'sent')).get()!;
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    expect(pathsToRevalidate(database, sent.id)).toEqual([
      `/archief/raadsbericht/${sent.slug}`,
      '/(publiek)/archief/[nieuwsbrief]/[nummer]/[item]',
      '/(publiek)/archief/lijst/[filter]',
      '/archief/feed.xml',
      '/sitemap.xml',
    ]);
    expect(pathsToRevalidate(database, draft.id)).toEqual([]);
    // A route pattern names its folder: if the folder moves, revalidation would silently miss it.
    for (const route of pathsToRevalidate(database, sent.id).filter((p) => p.includes('[')))
      expect(fs.existsSync(path.join('app', route, 'page.tsx')), route).toBe(true);
    expect(pathsToRevalidate(database, 99999)).toEqual([]);
  });

  it('retries while the app answers 503, then stops on success', async () => {
    const server = await app([503, 503, 200]);
    try {
      expect(
        await notifyArchive(7, { internalUrl: server.url, secret, attempts: 4, backoffMs: 1 }),
      ).toBe(true);
      expect(server.calls).toHaveLength(3);
      expect(server.calls[0]).toEqual({
        path: REVALIDATE_PATH,
        authorization: `Bearer ${revalidationKey(secret)}`,
        body: '{"issueId":7}',
      });
    } finally {
      await server.close();
    }
  });

  it('gives up at once on a refusal, and after its attempts when nobody listens', async () => {
    const server = await app([403]);
    try {
      expect(
        await notifyArchive(7, { internalUrl: server.url, secret, attempts: 4, backoffMs: 1 }),
      ).toBe(false);
      expect(server.calls).toHaveLength(1);
    } finally {
      await server.close();
    }
    const logged: string[] = [];
    expect(
      await notifyArchive(7, {
        internalUrl: server.url,
        secret,
        attempts: 2,
        backoffMs: 1,
        log: (m) => logged.push(m),
      }),
    ).toBe(false);
    expect(logged).toHaveLength(2);
  });
});
