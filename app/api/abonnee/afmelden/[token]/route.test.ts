import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { consentEvents, deliveries, subscribers, subscriptions, themes } from '@/db/schema';
import { personalLinks } from '@/lib/subscribers/links';
import type { TokenClaims } from '@/lib/subscribers/tokens';
import { fromImage, imageOf, testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The personal links of a sent issue, followed for real through their route handlers: the
// RFC 8058 one-click POST on the List-Unsubscribe URL, the unsubscribe page's button and the
// preferences form each count for the issue named in the link, when it reached the reader.

const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));
const { POST: unsubscribePost } = await import('./route');
const { POST: preferencesPost } = await import('../../voorkeuren/[token]/route');

type Database = ReturnType<typeof testDb>;
const database = () => state.database as Database;
const DELIVERED = 3;
const NOT_TO_THEM = 2;
let claims: TokenClaims;

const seeded = (() => {
  const made = testDb();
  seed(made);
  return imageOf(made);
})();

beforeEach(() => {
  state.database = fromImage(seeded);
  const reader = database()
    .select({ id: subscribers.id, version: subscribers.tokenVersion })
    .from(subscribers)
    .innerJoin(subscriptions, eq(subscriptions.subscriberId, subscribers.id))
    .where(and(eq(subscriptions.status, 'active'), eq(subscriptions.newsletterId, 1)))
    .get()!;
  claims = { subscriberId: reader.id, newsletterId: 1, version: reader.version };
  database().insert(deliveries).values({ issueId: DELIVERED, subscriberId: reader.id }).run();
});

/** The reader's link in a copy of `issueId`, as the send writes it (with ?nummer=). */
const linkFor = (purpose: 'unsubscribe' | 'preferences', issueId: number) =>
  personalLinks(claims, { publicUrl: 'http://localhost', issueId })[purpose];

function post(
  handler: typeof unsubscribePost,
  url: string,
  body: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const token = new URL(url).pathname.split('/').pop()!;
  return handler(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    }),
    { params: Promise.resolve({ token }) },
  );
}

const events = () =>
  database()
    .select({
      kind: consentEvents.kind,
      source: consentEvents.source,
      issueId: consentEvents.issueId,
    })
    .from(consentEvents)
    .where(eq(consentEvents.subscriberId, claims.subscriberId))
    .all()
    .filter(
      (e) => e.kind !== 'confirmed' && e.kind !== 'subscribe_requested' && e.kind !== 'imported',
    );

describe('POST /afmelden/<token>?nummer=<issue>', () => {
  it('one-click: unsubscribes and counts for the issue the List-Unsubscribe header came in', async () => {
    const response = await post(unsubscribePost, linkFor('unsubscribe', DELIVERED), {
      'List-Unsubscribe': 'One-Click',
    });
    expect(response.status).toBe(200);
    expect(events()).toEqual([{ kind: 'unsubscribed', source: 'one-click', issueId: DELIVERED }]);
  });

  it('one-click with a changed number: unsubscribes all the same, counted for no issue', async () => {
    for (const url of [
      linkFor('unsubscribe', NOT_TO_THEM),
      `${linkFor('unsubscribe', DELIVERED).split('?')[0]}?nummer=3%27%20or%201=1`,
    ]) {
      state.database = fromImage(seeded);
      const response = await post(unsubscribePost, url, { 'List-Unsubscribe': 'One-Click' });
      expect(response.status).toBe(200);
      expect(events()).toEqual([{ kind: 'unsubscribed', source: 'one-click', issueId: null }]);
    }
  });

  it('the page’s button: counts for the issue of the page’s address', async () => {
    const response = await post(unsubscribePost, linkFor('unsubscribe', DELIVERED), {
      actie: 'afmelden',
    });
    expect(response.status).toBe(303);
    expect(events()).toEqual([
      { kind: 'unsubscribed', source: 'afmeldpagina', issueId: DELIVERED },
    ]);
  });
});

describe('POST /voorkeuren/<token> with the issue in a hidden field', () => {
  const form = (nummer: string) => {
    const reader = database()
      .select()
      .from(subscribers)
      .where(eq(subscribers.id, claims.subscriberId))
      .get()!;
    const theme = database().select().from(themes).where(eq(themes.newsletterId, 1)).get()!;
    return {
      email: reader.email!,
      naam: 'Lezer',
      functie: 'griffier',
      themas: String(theme.id),
      pauze: '',
      nummer,
    };
  };
  const page = () => linkFor('preferences', DELIVERED).split('?')[0]!;

  it('counts the change for the issue that reached the reader', async () => {
    const response = await post(preferencesPost, page(), form(String(DELIVERED)));
    expect(response.status).toBe(303);
    expect(events()).toEqual([
      { kind: 'preferences_changed', source: 'voorkeuren', issueId: DELIVERED },
    ]);
  });

  it('saves with a forged or garbled number, counted for no issue', async () => {
    for (const nummer of [String(NOT_TO_THEM), 'abc']) {
      state.database = fromImage(seeded);
      const response = await post(preferencesPost, page(), form(nummer));
      expect(response.status).toBe(303);
      expect(events()).toEqual([
        { kind: 'preferences_changed', source: 'voorkeuren', issueId: null },
      ]);
    }
  });
});
