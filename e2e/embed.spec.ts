import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { consentWording } from '@/lib/subscribers/consent';
import { embedSnippet } from '@/lib/subscribers/embed';
import { audienceOptions } from '@/lib/subscribers/fields';
import { expectAccessible } from './support/axe';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { appQuery, startOwnApp, type OwnApp } from './support/own-app';

// Several newsletters and the form an organisation embeds in its own website. A second
// newsletter changes /aanmelden and /archief, so this spec has an app of its own: the workers'
// shared apps keep their one demo newsletter for the specs that run after it.

test.describe.configure({ mode: 'serial' });

let app: OwnApp;
let host: http.Server | undefined;

test.beforeAll(async () => {
  app = await startOwnApp();
});
test.afterAll(async () => {
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
  await app?.stop();
});

const sql = <T>(statement: string, ...params: unknown[]) => appQuery<T>(app, statement, ...params);

/** Test set-up only: the newsletter screens are another spec's (and branch's) subject. */
function write(statement: string, ...params: unknown[]): number {
  const database = new Database(app.databaseFile);
  database.pragma('busy_timeout = 5000');
  try {
    return Number(database.prepare(statement).run(...params).lastInsertRowid);
  } finally {
    database.close();
  }
}

function addNewsletter(slug: string, name: string, themes: string[], archived = false): number {
  const id = write(
    `insert into newsletters (slug, name, organisation, sender_name, sender_email, description, archived_at)
     values (?, ?, 'GGD Voorbeeldregio', ?, ?, ?, ?)`,
    slug,
    name,
    name,
    `${slug}@ggd-e2e.example`,
    `Het nieuws van ${name} voor zorgprofessionals.`,
    archived ? Date.now() : null,
  );
  themes.forEach((theme, i) =>
    write(
      'insert into themes (newsletter_id, slug, name, position) values (?, ?, ?, ?)',
      id,
      theme.toLowerCase(),
      theme,
      i + 1,
    ),
  );
  return id;
}

/** The organisation's website: another origin, serving nothing but the pasted snippet. */
async function hostSite(snippet: string): Promise<string> {
  host = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>GGD Voorbeeldregio</title></head><body><main><h1>Blijf op de hoogte</h1>${snippet}</main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(host.address() as AddressInfo).port}/nieuwsbrief`;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name });

test('with one newsletter /aanmelden is its form; with several it offers the choice', async ({
  page,
}) => {
  await page.goto(`${app.url}/aanmelden`);
  await expect(heading(page, 'Aanmelden voor Raadsbericht')).toBeVisible();
  // The header names the organisation, not Kopij.
  const organisation = sql<{ organisation: string }>('select organisation from newsletters')[0]!;
  await expect(page.getByRole('banner')).toHaveText(organisation.organisation);

  addNewsletter('zorgpost', 'Zorgpost', ['Jeugd', 'Ouderen', 'Preventie']);
  addNewsletter('oud', 'Oude Post', ['Alles'], true);
  await page.goto(`${app.url}/aanmelden`);
  await expect(heading(page, 'Aanmelden')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zorgpost' })).toHaveAttribute(
    'href',
    '/aanmelden/zorgpost',
  );
  await expect(page.getByRole('link', { name: 'Raadsbericht' })).toBeVisible();
  // An archived newsletter is not offered, and its own page says it takes no sign-ups.
  await expect(page.getByRole('link', { name: 'Oude Post' })).toHaveCount(0);
  // Organisations differ now: the header is neutral.
  await expect(page.getByRole('banner')).toHaveText('Nieuwsbrieven');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Zorgpost' }).click();
  await expect(heading(page, 'Aanmelden voor Zorgpost')).toBeVisible();
  await expect(page.getByText('Het nieuws van Zorgpost voor zorgprofessionals.')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(3);
  await expectAccessible(page);

  await page.goto(`${app.url}/aanmelden/oud`);
  await expect(
    page.getByText('Deze nieuwsbrief neemt geen nieuwe aanmeldingen aan.'),
  ).toBeVisible();
  expect((await page.request.get(`${app.url}/aanmelden/bestaat-niet`)).status()).toBe(404);
  // The old address of a newsletter's form still leads to it.
  await page.goto(`${app.url}/aanmelden?nieuwsbrief=zorgpost`);
  await expect(page).toHaveURL(`${app.url}/aanmelden/zorgpost`);
});

test('the embedded form on another site signs up without JavaScript, with double opt-in', async ({
  browser,
  page: checker,
}) => {
  const newsletter = sql<{ id: number; slug: string; name: string; privacy_url: string | null }>(
    "select id, slug, name, privacy_url from newsletters where slug = 'zorgpost'",
  )[0]!;
  const themes = sql<{ id: number; name: string }>(
    'select id, name from themes where newsletter_id = ? order by position',
    newsletter.id,
  );
  const site = await hostSite(
    embedSnippet({
      newsletter: { slug: newsletter.slug, name: newsletter.name, privacyUrl: null },
      themes,
      audienceOptions,
      consent: consentWording.text,
      publicUrl: app.url,
    }),
  );
  // axe runs as a script in the page: checked in a browser with JavaScript, used without.
  await checker.goto(site);
  await expectAccessible(checker);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = 'wijkverpleegkundige@zorg-e2e.nl';
  const mark = mailboxMark(email, app.mailDir);

  await page.goto(site);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Naam (niet verplicht)').fill('Wies Verpleeg');
  await page.getByLabel('Functie').selectOption('anders');
  await page.getByLabel('Ouderen').uncheck();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(`${app.url}/aanmelden/controleer?nieuwsbrief=zorgpost`);
  await expect(heading(page, 'Check uw inbox')).toBeVisible();

  const mail = await nextMail(email, mark, app.mailDir);
  expect(mail.subject).toBe('Bevestig uw aanmelding voor Zorgpost');
  expect(mail.from?.value[0]?.address).toBe('zorgpost@ggd-e2e.example');
  await page.goto(firstLink(mail, '/aanmelden/bevestigen/'));
  await page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief ontvangen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw aanmelding is bevestigd');

  const subscription = sql<{ id: number; status: string; source: string }>(
    `select s.id, s.status, (select source from consent_events c where c.subscriber_id = p.id
       and c.kind = 'subscribe_requested') source
     from subscriptions s join subscribers p on p.id = s.subscriber_id
     where p.email = ? and s.newsletter_id = ?`,
    email,
    newsletter.id,
  );
  expect(subscription).toEqual([
    { id: expect.any(Number), status: 'active', source: 'insluitformulier' },
  ]);
  const chosen = sql<{ name: string }>(
    `select t.name from subscription_themes st join themes t on t.id = st.theme_id
     where st.subscription_id = ? order by t.position`,
    subscription[0]!.id,
  ).map((t) => t.name);
  expect(chosen).toEqual(['Jeugd', 'Preventie']);

  // An address the browser lets through but Kopij does not (no top-level domain): a Dutch page
  // with a 4xx, and nothing written.
  await page.goto(site);
  await page.getByLabel('E-mailadres').fill('lezer@gemeente');
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/aanmelden/zorgpost/formulier')),
    page.getByRole('button', { name: 'Aanmelden' }).click(),
  ]);
  expect(answer.status()).toBe(422);
  await expect(heading(page, 'Dat lukte niet')).toBeVisible();
  expect(sql('select id from subscribers where email = ?', 'lezer@gemeente')).toEqual([]);
  await context.close();
});

test('/archief names both newsletters, each with its own list', async ({ page }) => {
  const zorgpost = sql<{ id: number }>("select id from newsletters where slug = 'zorgpost'")[0]!;
  write(
    `insert into issues (newsletter_id, number, slug, subject, status, sent_at)
     values (?, 1, '1', 'Eerste Zorgpost', 'sent', ?)`,
    zorgpost.id,
    Date.now(),
  );
  await page.goto(`${app.url}/archief`);
  const list = page.getByRole('region', { name: 'Nieuwsbrieven' });
  await expect(list.getByRole('link', { name: 'Zorgpost' })).toHaveAttribute(
    'href',
    '/archief/zorgpost',
  );
  await expect(list.getByRole('link', { name: 'Raadsbericht' })).toBeVisible();
  await expectAccessible(page);
  await list.getByRole('link', { name: 'Zorgpost' }).click();
  await expect(heading(page, 'Archief van Zorgpost')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zorgpost 1: Eerste Zorgpost' })).toHaveAttribute(
    'href',
    '/archief/zorgpost/1',
  );
  await expect(page.getByRole('link', { name: /Raadsbericht/ })).toHaveCount(0);
  await expectAccessible(page);
  const feed = await page.request.get(`${app.url}/archief/feed.xml?nieuwsbrief=zorgpost`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('Eerste Zorgpost');
});
