import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, newsletters, themes } from '@/db/schema';
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
  state.database = testDb();
  seed(database());
  database().transaction((tx) =>
    suppress(tx, { email: 'onderdrukt@gemeente.example', reason: 'complaint' }),
  );
  ({ POST } = await import('./route'));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

function post(email: string, accept = 'application/json') {
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
        'x-forwarded-for': '192.0.2.1',
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
