import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import {
  consentEvents,
  newsletters,
  subscribers,
  subscriptions,
  themes,
  type Newsletter,
} from '@/db/schema';
import { PEER_HEADER } from '@/lib/http/headers';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';

// The embeddable form's route posted for real, form-urlencoded and from another site, against a
// seeded database and a loopback mail server.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

let smtp: TestSmtp;
let POST: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
const database = () => state.database as ReturnType<typeof testDb>;
let demo: Newsletter;
let archived: Newsletter;

beforeAll(async () => {
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  state.database = testDb();
  seed(database());
  demo = database().select().from(newsletters).get()!;
  archived = database()
    .insert(newsletters)
    .values({
      slug: 'oud',
      name: 'Oude Post',
      organisation: 'Gemeente Oud',
      senderName: 'Oude Post',
      senderEmail: 'oud@gemeente.example',
      archivedAt: new Date(),
    })
    .returning()
    .get();
  ({ POST } = await import('./route'));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const themesOf = (newsletterId: number) =>
  database().select().from(themes).where(eq(themes.newsletterId, newsletterId)).all();

function post(slug: string, fields: Record<string, string | string[]>, peer = '192.0.2.1') {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of [value].flat()) body.append(key, v);
  return POST(
    new Request(`http://localhost/aanmelden/${slug}/formulier`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html,application/xhtml+xml',
        origin: 'https://www.gemeente.example',
        [PEER_HEADER]: peer,
      },
      body,
    }),
    { params: Promise.resolve({ slug }) },
  );
}

const counts = () => ({
  subscribers: database().select().from(subscribers).all().length,
  subscriptions: database().select().from(subscriptions).all().length,
  consent: database().select().from(consentEvents).all().length,
  mails: smtp.messages.length,
});

describe('POST /aanmelden/<slug>/formulier', () => {
  it('records the sign-up, sends the confirmation mail and redirects to the check page', async () => {
    const [first, second] = themesOf(demo.id);
    const response = await post(demo.slug, {
      email: 'Website@Gemeente.example',
      naam: 'Van de Website',
      functie: 'griffier',
      themas: [String(first!.id), String(second!.id)],
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/aanmelden/controleer?nieuwsbrief=${demo.slug}`);
    const subscriber = database()
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'website@gemeente.example'))
      .get()!;
    const consent = database()
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.subscriberId, subscriber.id))
      .get()!;
    expect(consent).toMatchObject({ kind: 'subscribe_requested', source: 'insluitformulier' });
    expect(consent.details).toMatchObject({
      themeIds: [first!.id, second!.id],
      client: '192.0.2.1',
    });
    await vi.waitFor(() =>
      expect(smtp.messages.some((m) => m.envelopeTo.includes('website@gemeente.example'))).toBe(
        true,
      ),
    );
    const mail = await simpleParser(
      smtp.messages.find((m) => m.envelopeTo.includes('website@gemeente.example'))!.raw,
    );
    expect(mail.subject).toBe(`Bevestig uw aanmelding voor ${demo.name}`);
    expect(mail.text).toContain('/aanmelden/bevestigen/');
  });

  it('answers an invalid address with a Dutch page and writes nothing', async () => {
    const before = counts();
    const response = await post(demo.slug, {
      email: 'geen-adres',
      functie: 'raadslid',
      themas: String(themesOf(demo.id)[0]!.id),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('lang="nl"');
    expect(html).toContain('Controleer de gemarkeerde velden.');
    expect(html).toContain(`href="/aanmelden/${demo.slug}"`);
    expect(counts()).toEqual(before);
  });

  it('refuses a theme of another newsletter and a missing choice, writing nothing', async () => {
    const before = counts();
    const foreign = await post(demo.slug, {
      email: 'vreemd@gemeente.example',
      functie: 'raadslid',
      themas: String(themesOf(archived.id)[0]?.id ?? 999999),
    });
    expect(foreign.status).toBe(422);
    const none = await post(demo.slug, { email: 'geen@gemeente.example', functie: 'raadslid' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Kies minstens één thema.');
    expect(counts()).toEqual(before);
  });

  it('leaves out a theme archived since the snippet was pasted', async () => {
    const [kept, gone] = themesOf(demo.id);
    database().update(themes).set({ archivedAt: new Date() }).where(eq(themes.id, gone!.id)).run();
    try {
      const response = await post(demo.slug, {
        email: 'oude-code@gemeente.example',
        functie: 'raadslid',
        themas: [String(kept!.id), String(gone!.id)],
      });
      expect(response.status).toBe(303);
      const subscriber = database()
        .select()
        .from(subscribers)
        .where(eq(subscribers.email, 'oude-code@gemeente.example'))
        .get()!;
      const consent = database()
        .select()
        .from(consentEvents)
        .where(eq(consentEvents.subscriberId, subscriber.id))
        .get()!;
      expect(consent.details).toMatchObject({ themeIds: [kept!.id] });
    } finally {
      database().update(themes).set({ archivedAt: null }).where(eq(themes.id, gone!.id)).run();
    }
  });

  it('refuses an archived newsletter in Dutch and an unknown one with 404', async () => {
    const before = counts();
    const closed = await post(archived.slug, {
      email: 'laat@gemeente.example',
      functie: 'raadslid',
      themas: String(themesOf(demo.id)[0]!.id),
    });
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('Deze nieuwsbrief neemt geen nieuwe aanmeldingen aan.');
    const unknown = await post('bestaat-niet', {
      email: 'laat@gemeente.example',
      functie: 'raadslid',
      themas: '1',
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Deze nieuwsbrief bestaat niet.');
    expect(counts()).toEqual(before);
  });

  it('answers a body that is no form with a 4xx, never a 500', async () => {
    const response = await POST(
      new Request(`http://localhost/aanmelden/${demo.slug}/formulier`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PEER_HEADER]: '192.0.2.9' },
        body: '{"email":"a@b.example"}',
      }),
      { params: Promise.resolve({ slug: demo.slug }) },
    );
    expect(response.status).toBe(415);
  });
});
