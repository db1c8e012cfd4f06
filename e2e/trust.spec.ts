import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { firstLink } from './support/mailbox';
import { forwarderFrom, postFormFrom, type Forwarder } from './support/from-address';
import { startOwnApp, type OwnApp } from './support/own-app';
import { hydrated } from './support/session';

// Whom the limits count. Each test client connects from its own loopback address (127.0.0.x),
// so the app sees real, different socket addresses; X-Forwarded-For is whatever a client makes
// up, and counts only behind a trusted proxy (the second app, TRUSTED_PROXIES=1).

const limits = { SIGN_IN_LIMIT: '3', SIGN_IN_ADDRESS_LIMIT: '6', SUBSCRIBE_CLIENT_LIMIT: '5' };

const mailsTo = (app: OwnApp, address: string) =>
  fs.existsSync(app.mailDir)
    ? fs.readdirSync(app.mailDir).filter((f) => f.endsWith(`-${address}.eml`)).length
    : 0;

/** The link in the newest mail to `address` (read as the mail client would, with mailparser). */
async function signInLinkFor(app: OwnApp, address: string): Promise<string> {
  const files = fs
    .readdirSync(app.mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort();
  const mail = await simpleParser(fs.readFileSync(path.join(app.mailDir, files.at(-1)!)));
  return firstLink(mail, '/inloggen/bevestigen');
}

/** Asks for a sign-in link on the real page; every answer looks the same, mailed or not. */
async function askLink(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/inloggen`);
  await hydrated(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  // The mail (if any) is sent before this answer: the count is final once it shows.
  await expect(page.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
}

async function pageIn(browser: Browser, headers?: Record<string, string>) {
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  return { page: await context.newPage(), context };
}

function signUpFields(app: OwnApp, email: string): Record<string, string> {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    const newsletter = database.prepare('select id, slug from newsletters limit 1').get() as {
      id: number;
      slug: string;
    };
    const theme = database
      .prepare('select id from themes where newsletter_id = ? limit 1')
      .get(newsletter.id) as { id: number };
    return {
      nieuwsbrief: newsletter.slug,
      email,
      naam: 'Bezoeker',
      functie: 'raadslid',
      themas: String(theme.id),
    };
  } finally {
    database.close();
  }
}

/** The client address the sign-up's consent record keeps. */
function consentClient(app: OwnApp, email: string): string | undefined {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    const row = database
      .prepare(
        'select c.details from consent_events c join subscribers s on s.id = c.subscriber_id where s.email = ?',
      )
      .get(email) as { details: string } | undefined;
    return row ? (JSON.parse(row.details) as { client?: string }).client : undefined;
  } finally {
    database.close();
  }
}

test.describe('without a trusted proxy', () => {
  test.describe.configure({ mode: 'serial' });
  let app: OwnApp;
  const forwarders: Forwarder[] = [];
  const from = async (address: string) => {
    const forwarder = await forwarderFrom(app.port, address);
    forwarders.push(forwarder);
    return forwarder.url;
  };

  test.beforeAll(async () => {
    app = await startOwnApp({ env: limits });
  });
  test.afterAll(async () => {
    for (const f of forwarders) await f.close();
    await app?.stop();
  });

  test('rotating X-Forwarded-For does not raise the sign-up limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await postFormFrom(
        `http://127.0.0.1:${app.port}/aanmelden`,
        signUpFields(app, `roteer${i}@gemeente-e2e.nl`),
        { localAddress: '127.0.0.9', headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
      );
      statuses.push(answer.status);
    }
    // The proof of consent names the socket's address, not one the client made up. (127.0.0.1
    // here means the form post took a second HTTP hop inside the server: Next proxies a
    // proxy.ts rewrite over loopback when its own idea of the host is not `localhost`.)
    expect(consentClient(app, 'roteer0@gemeente-e2e.nl')).toBe('127.0.0.9');
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Another client (another socket address) is not held back by that one.
    const other = await postFormFrom(
      `http://127.0.0.1:${app.port}/aanmelden`,
      signUpFields(app, 'ander-net@gemeente-e2e.nl'),
      { localAddress: '127.0.0.10' },
    );
    expect(other.status, other.body.message).toBe(200);
  });

  test('rotating X-Forwarded-For does not raise the sign-in limit', async ({ browser }) => {
    const editor = 'hoofdredactie@kopij.test';
    const origin = await from('127.0.0.8');
    const before = mailsTo(app, editor);
    const { page, context } = await pageIn(browser);
    for (let i = 0; i < 5; i++) {
      await context.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${i + 1}` });
      await askLink(page, origin, editor);
    }
    expect(mailsTo(app, editor)).toBe(before + 3);
    await context.close();
  });

  test("a stranger's requests for an editor's address do not stop the editor's sign-in", async ({
    browser,
  }) => {
    const editor = 'redacteur@kopij.test';
    const strangerOrigin = await from('127.0.0.2');
    const editorOrigin = await from('127.0.0.3');
    const before = mailsTo(app, editor);

    const stranger = await pageIn(browser);
    for (let i = 0; i < 5; i++) await askLink(stranger.page, strangerOrigin, editor);
    expect(mailsTo(app, editor)).toBe(before + 3);
    await stranger.context.close();

    // The editor, from their own address, is still mailed, and the link signs them in.
    const own = await pageIn(browser);
    await askLink(own.page, editorOrigin, editor);
    expect(mailsTo(app, editor)).toBe(before + 4);
    await own.page.goto(await signInLinkFor(app, editor));
    await own.page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(own.page.getByRole('heading', { name: /^Welkom/ })).toBeVisible();
    await own.context.close();
  });

  test("past the address's ceiling only the editor's own browser is still mailed", async ({
    browser,
  }) => {
    const editor = 'redactie@kopij.test';
    const editorOrigin = await from('127.0.0.3');
    const start = mailsTo(app, editor);

    // The editor signs in once: the browser keeps a device cookie for this address.
    const own = await pageIn(browser);
    await askLink(own.page, editorOrigin, editor);
    await own.page.goto(await signInLinkFor(app, editor));
    await own.page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(own.page.getByRole('heading', { name: 'Welkom, Sanne Bakker' })).toBeVisible();
    const device = (await own.context.cookies()).find((c) => c.name === 'kopij-apparaat');
    expect(device).toMatchObject({ httpOnly: true, path: '/inloggen', sameSite: 'Lax' });
    expect(device!.value).not.toContain('redactie');

    // Strangers on three more addresses fill the ceiling (6, of which the editor used 1).
    for (const address of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) {
      const stranger = await pageIn(browser);
      const origin = await from(address);
      for (let i = 0; i < 3; i++) await askLink(stranger.page, origin, editor);
      await stranger.context.close();
    }
    expect(mailsTo(app, editor)).toBe(start + 6);

    // A browser without the cookie, even at the editor's address, now gets the same answer
    // and no mail; the editor's own browser is mailed.
    const fresh = await pageIn(browser);
    await askLink(fresh.page, editorOrigin, editor);
    expect(mailsTo(app, editor)).toBe(start + 6);
    await fresh.context.close();
    await askLink(own.page, editorOrigin, editor);
    expect(mailsTo(app, editor)).toBe(start + 7);
    await own.context.close();
  });
});

test.describe('behind one trusted proxy (TRUSTED_PROXIES=1)', () => {
  test.describe.configure({ mode: 'serial' });
  let app: OwnApp;

  test.beforeAll(async () => {
    app = await startOwnApp({ env: { ...limits, TRUSTED_PROXIES: '1' } });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('the forwarded address is the client the sign-up limit counts', async () => {
    // Every request comes from the one proxy (127.0.0.1); the proxy names the client.
    const asClient = (client: string, email: string) =>
      postFormFrom(`http://127.0.0.1:${app.port}/aanmelden`, signUpFields(app, email), {
        localAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await asClient('198.51.100.7', `klant${i}@gemeente-e2e.nl`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Only the entry the proxy added counts: what the client put before it does not.
    expect((await asClient('6.6.6.6, 198.51.100.7', 'klant-x@gemeente-e2e.nl')).status).toBe(429);
    expect((await asClient('198.51.100.8', 'klant-y@gemeente-e2e.nl')).status).toBe(200);
  });

  test('a stranger behind the proxy does not stop the editor behind it', async ({ browser }) => {
    const editor = 'redacteur@kopij.test';
    const origin = `http://localhost:${app.port}`;
    const before = mailsTo(app, editor);
    const stranger = await pageIn(browser, { 'x-forwarded-for': '198.51.100.66' });
    for (let i = 0; i < 4; i++) await askLink(stranger.page, origin, editor);
    expect(mailsTo(app, editor)).toBe(before + 3);
    await stranger.context.close();
    const own = await pageIn(browser, { 'x-forwarded-for': '198.51.100.10' });
    await askLink(own.page, origin, editor);
    expect(mailsTo(app, editor)).toBe(before + 4);
    await own.context.close();
  });
});
