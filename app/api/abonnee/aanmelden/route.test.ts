import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, consentEvents, newsletters, subscribers, themes } from '@/db/schema';
import { PEER_HEADER } from '@/lib/http/headers';
import { seed } from '@/scripts/seed';
import { suppress } from '@/lib/subscribers/suppression';
import { testDb } from '@/lib/test/db';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';

// The sign-up form posted for real against a seeded database and a loopback mail server.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

let smtp: TestSmtp;
let POST: (request: Request) => Promise<Response>;
const database = () => state.database as ReturnType<typeof testDb>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  // Read once by getConfig, which nothing in this file has called yet.
  process.env.SMTP_URL = smtp.url;
  process.env.SUBSCRIBE_CLIENT_LIMIT = '8';
  state.database = testDb();
  seed(database());
  database().transaction((tx) =>
    suppress(tx, { email: 'onderdrukt@gemeente.example', reason: 'complaint' }),
  );
  ({ POST } = await import('./route'));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SUBSCRIBE_CLIENT_LIMIT;
  await smtp.close();
});

/** The socket address scripts/serve.ts reports, and what the client wrote in X-Forwarded-For. */
type From = { peer?: string; forwarded?: string };

function post(email: string, accept = 'application/json', from: From = {}) {
  const newsletter = database().select().from(newsletters).get()!;
  const theme = database().select().from(themes).get()!;
  const body = new URLSearchParams({
    nieuwsbrief: newsletter.slug,
    email,
    naam: 'Bezoeker',
    functie: 'raadslid',
    themas: String(theme.id),
  });
  return POST(
    new Request('http://localhost/aanmelden', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept,
        [PEER_HEADER]: from.peer ?? '192.0.2.1',
        ...(from.forwarded ? { 'x-forwarded-for': from.forwarded } : {}),
      },
      body,
    }),
  );
}

describe('POST /aanmelden with a suppressed address', () => {
  it('answers exactly as for any address, sends no mail, and logs it', async () => {
    const fresh = await post('nieuw@gemeente.example');
    const suppressed = await post('Onderdrukt@Gemeente.example');
    expect(suppressed.status).toBe(fresh.status);
    expect(await suppressed.json()).toEqual(await fresh.json());
    const plainFresh = await post('ander@gemeente.example', 'text/html');
    const plainSuppressed = await post('onderdrukt@gemeente.example', 'text/html');
    expect(plainSuppressed.status).toBe(303);
    expect(plainSuppressed.headers.get('location')).toBe(plainFresh.headers.get('location'));

    const recipients = smtp.messages.flatMap((m) => m.envelopeTo);
    expect(recipients.sort()).toEqual(['ander@gemeente.example', 'nieuw@gemeente.example']);
    const logged = database()
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === 'subscriber.signUpSuppressed');
    expect(logged).toHaveLength(2);
  });
});

describe('POST /aanmelden refused without JavaScript', () => {
  it("links back to the named newsletter's own form, and to the choice without one", async () => {
    const refused = (fields: Record<string, string>) =>
      POST(
        new Request('http://localhost/aanmelden', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'text/html',
            [PEER_HEADER]: '192.0.2.9',
          },
          body: new URLSearchParams({ email: 'geen-adres', ...fields }),
        }),
      );
    const slug = database().select().from(newsletters).get()!.slug;
    const named = await refused({ nieuwsbrief: slug });
    expect(named.status).toBe(422);
    expect(await named.text()).toContain(`<a href="/aanmelden/${slug}"`);
    const unnamed = await refused({});
    expect(unnamed.status).toBe(422);
    expect(await unnamed.text()).toContain('<a href="/aanmelden"');
  });
});

const mailsTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email)).length;

describe('POST /aanmelden limits', () => {
  it('keys on the socket address: rotating X-Forwarded-For does not raise the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await post(`roteer${i}@gemeente.example`, 'application/json', {
        peer: '192.0.2.50',
        forwarded: `10.0.${i}.1`,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await post('roteer-nog@gemeente.example', 'application/json', {
      peer: '192.0.2.50',
    });
    expect((await refused.json()).message).toContain('vanaf uw netwerk');
    // Another client is not held back by that one.
    expect(
      (await post('ander-net@gemeente.example', undefined, { peer: '192.0.2.51' })).status,
    ).toBe(200);
  });

  it('keeps the address the request came from as the proof of consent, not a forwarded one', async () => {
    await post('bewijs@gemeente.example', 'application/json', {
      peer: '::ffff:192.0.2.60',
      forwarded: '6.6.6.6',
    });
    const subscriber = database()
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'bewijs@gemeente.example'))
      .get()!;
    const consent = database()
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.subscriberId, subscriber.id))
      .get()!;
    expect(consent.details).toMatchObject({ client: '192.0.2.60' });
  });

  it("does not let a stranger's requests for an address block its owner", async () => {
    const owner = 'eigenaar@gemeente.example';
    const stranger = await Promise.all(
      Array.from({ length: 5 }, () => post(owner, 'application/json', { peer: '198.51.100.9' })),
    );
    expect(stranger.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    const before = mailsTo(owner);
    const own = await post(owner, 'application/json', { peer: '192.0.2.77' });
    expect(own.status).toBe(200);
    await vi.waitFor(() => expect(mailsTo(owner)).toBe(before + 1));
  });

  it('holds a ceiling per address over all clients', async () => {
    const flooded = 'overspoeld@gemeente.example';
    const statuses: number[] = [];
    // Three per client is the pair limit; four times that over all clients the ceiling.
    for (let client = 1; client <= 5; client++)
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await post(flooded, 'application/json', { peer: `203.0.113.${client}` })).status,
        );
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.slice(12)).toEqual([429, 429, 429]);
    const refused = await post(flooded, 'application/json', { peer: '203.0.113.99' });
    expect((await refused.json()).message).toContain('Kijk in uw inbox');
    await vi.waitFor(() => expect(mailsTo(flooded)).toBe(12));
  });
});
