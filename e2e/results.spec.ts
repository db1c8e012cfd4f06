import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect, test, type APIRequest, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import {
  appQuery,
  sendThroughScreens,
  signInOn,
  startOwnApp,
  type OwnApp,
} from './support/own-app';
import { hydrated } from './support/session';

// Issue 20's proof for one issue: the demo draft goes to 50 readers; ten of them follow counted
// links from their own mail (some twice, one by HEAD, one through a scanner), and one more
// client opens three links at once, as a scanner does. The results page shows what the rules
// make of that, its chart says what its table says, and the CSV has the same numbers. An app of
// its own: it sends, and it believes X-Forwarded-For from one proxy, so each reader is a client.

const DRAFT = 4;
const READERS = 50;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const BARRACUDA = 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))';
const audiences = ['raadslid', 'griffier', 'raadsadviseur', 'commissielid', 'anders'];

let app: OwnApp;
test.beforeAll(async () => {
  app = await startOwnApp({ env: { SEND_RATE: '100', TRUSTED_PROXIES: '1' } });
});
test.afterAll(async () => {
  await app?.stop();
});

const sql = <T>(statement: string, ...params: unknown[]) => appQuery<T>(app, statement, ...params);

/** The demo's readers leave; 50 new ones, each with one or two themes and a group. */
function replaceReaders() {
  const database = new Database(app.databaseFile);
  database.pragma('busy_timeout = 5000');
  database.transaction(() => {
    database
      .prepare("UPDATE subscriptions SET status = 'unsubscribed' WHERE newsletter_id = 1")
      .run();
    // An admin's choice (its switch has its own test): opens counted, to read them back below.
    database.prepare('UPDATE newsletters SET open_tracking = 1 WHERE id = 1').run();
    const reader = database.prepare(
      'INSERT INTO subscribers (email, name, audience) VALUES (?, ?, ?)',
    );
    const subscription = database.prepare(
      "INSERT INTO subscriptions (subscriber_id, newsletter_id, status, confirmed_at) VALUES (?, 1, 'active', ?)",
    );
    const theme = database.prepare('INSERT INTO subscription_themes VALUES (?, ?)');
    for (let n = 0; n < READERS; n++) {
      const id = reader.run(
        `lezer${n}@resultaten.example`,
        `Lezer ${n}`,
        audiences[n % 5],
      ).lastInsertRowid;
      const sub = subscription.run(id, Date.now()).lastInsertRowid;
      for (const t of new Set([(n % 5) + 1, (n % 3) + 1])) theme.run(sub, t);
    }
  })();
  database.close();
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

/** Every reader's mail, read as a mail client would. */
async function mails(): Promise<ParsedMail[]> {
  const files = fs.readdirSync(app.mailDir).filter((f) => f.includes('@resultaten.example'));
  expect(files).toHaveLength(READERS);
  return Promise.all(
    files.sort().map(async (f) => simpleParser(fs.readFileSync(path.join(app.mailDir, f)))),
  );
}

type Link = { url: string; position: number; themed: boolean };
function countedLinks(mail: ParsedMail): Link[] {
  const themed = new Set(
    sql<{ p: number }>(
      'select position as p from issue_links where issue_id = ? and theme_id is not null',
      DRAFT,
    ).map((r) => r.p),
  );
  const urls = mail.text!.match(new RegExp(`${app.url}/k/${DRAFT}/\\d+\\.[\\w-]+`, 'g')) ?? [];
  return [...new Set(urls)].map((url) => {
    const position = Number(/\/k\/\d+\/(\d+)\./.exec(url)![1]);
    return { url, position, themed: themed.has(position) };
  });
}

/** Each link's (by position) expected human and automated clicks, as the rules count them. */
const expected = new Map<number, { clicks: number; automated: number }>();

async function follow(client: APIRequestContext, link: Link, step: Omit<Step, 'link'> = {}) {
  const answer = await client[step.method ?? 'get'](link.url, {
    maxRedirects: 0,
    headers: { 'user-agent': step.agent ?? FIREFOX },
  });
  expect(answer.status()).toBe(302);
  const counts = expected.get(link.position) ?? { clicks: 0, automated: 0 };
  if (step.automated) counts.automated += 1;
  else counts.clicks += 1;
  expected.set(link.position, counts);
}

type Step = {
  link: 'first' | 'second' | 'section';
  method?: 'get' | 'head';
  agent?: string;
  automated?: boolean;
};
// What reader i does after following the first link of their mail. Never more than two
// different links per reader: three within ten seconds would be a scanner's burst.
const second: Record<number, Step> = {
  0: { link: 'first' },
  1: { link: 'first' },
  2: { link: 'first' },
  3: { link: 'section' },
  4: { link: 'section' },
  5: { link: 'section' },
  6: { link: 'first', method: 'head', automated: true },
  7: { link: 'section', agent: BARRACUDA, automated: true },
  8: { link: 'second' },
};

/** Ten readers, each from their own address, follow links from their own mail; then a scanner. */
async function clickAsReaders(request: APIRequest, all: ParsedMail[]): Promise<ParsedMail> {
  const withSection = all.filter((m) => countedLinks(m).some((l) => l.themed)).slice(0, 10);
  expect(withSection).toHaveLength(10);
  for (const [i, mail] of withSection.entries()) {
    const links = countedLinks(mail);
    const pick = { first: links[0]!, second: links[1]!, section: links.find((l) => l.themed)! };
    const reader = await request.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    });
    await follow(reader, pick.first);
    const step = second[i];
    if (step) await follow(reader, pick[step.link], step);
    await reader.dispose();
  }
  // A scanner posing as a browser opens three links at once: the first counts, the rest not.
  const scanner = await request.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.50' },
  });
  for (const [i, link] of countedLinks(withSection[9]!).slice(0, 3).entries())
    await follow(scanner, link, { automated: i > 0 });
  await scanner.dispose();
  return withSection[9]!;
}

/** Three readers' mail clients load the pixel; a scanner checks it with HEAD. */
async function openAsReaders(request: APIRequest, all: ParsedMail[]) {
  const pixels = all.map((m) => String(m.html).match(/src="([^"]*\/o\/[^"]+\.gif)"/)?.[1]);
  expect(new Set(pixels).size).toBe(1);
  for (const [i, method] of (['get', 'get', 'get', 'head'] as const).entries()) {
    const client = await request.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${i + 1}`, 'user-agent': FIREFOX },
    });
    const answer = await client[method](pixels[i]!);
    expect([answer.status(), answer.headers()['content-type']]).toEqual([200, 'image/gif']);
    await client.dispose();
  }
}

const cells = (page: Page, figure: string) =>
  page
    .locator(`table[data-table="${figure}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')!.textContent!,
        ...[...row.querySelectorAll('td')].map((td) => td.textContent!),
      ]),
    );

test('an issue’s results: the counts the rules give, one set of numbers in chart, table and CSV', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(90_000);
  replaceReaders();
  const page = await signInOn(app, browser, 'hoofdredactie@kopij.test');
  await sendThroughScreens(app, page, {
    issueId: DRAFT,
    confirmation: `nu aan ${READERS} abonnees.`,
  });
  const received = await mails();
  const unsubscriber = await clickAsReaders(playwright.request, received);
  await openAsReaders(playwright.request, received);
  // One reader leaves with the one-click POST their mail client makes from List-Unsubscribe.
  const listUnsubscribe = (unsubscriber.headers.get('list') as { unsubscribe: { url: string } })
    .unsubscribe.url;
  expect(listUnsubscribe).toMatch(new RegExp(`/afmelden/[^?]+\\?nummer=${DRAFT}$`));
  const left = await page.request.post(listUnsubscribe, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(left.status()).toBe(200);

  // The tab on the sent issue's page leads to its results.
  await open(page, `/redactie/nummers/${DRAFT}`);
  await page
    .getByRole('navigation', { name: 'Onderdelen van het nummer' })
    .getByRole('link', { name: 'Resultaten' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Resultaten van Raadsbericht 24',
  );
  const links = sql<{ position: number; label: string; url: string }>(
    'select position, label, url from issue_links where issue_id = ? order by position',
    DRAFT,
  );
  const want = links.map((l) => {
    const counts = expected.get(l.position) ?? { clicks: 0, automated: 0 };
    return [`${l.label} (${l.url})`, String(counts.clicks), String(counts.automated)];
  });
  // Clicks are written every five seconds: the page shows them once they are.
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await cells(page, 'links')).map((row) => row.slice(0, 3));
      },
      { timeout: 20_000 },
    )
    .toEqual(want);

  expect((await cells(page, 'bezorging')).slice(0, 2)).toEqual([
    ['Ontvangers', '50'],
    ['Afgeleverd', '50'],
  ]);
  expect((await cells(page, 'na-bezorging')).find((r) => r[0] === 'Afgemeld')?.[1]).toBe('1');
  // Opens, the same pixel for every reader: three loads by mail clients, the HEAD apart.
  // Written on their own five-second beat: polled as the clicks are.
  await expect
    .poll(
      async () => {
        await page.reload();
        return cells(page, 'openingen');
      },
      { timeout: 20_000 },
    )
    .toEqual([
      ['Geteld als geopend', '3'],
      ['Automatisch (niet geteld)', '1'],
    ]);
  // The chart writes beside each bar the number its table has.
  const table = await cells(page, 'links');
  const bars = await page
    .locator('svg[data-chart="links"] > g')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll(':scope > g > text')].map((t) => t.textContent!)),
    );
  expect(bars).toEqual(table.map((row) => row.slice(1)));
  // And the CSV has the same rows and counts (shares with a decimal comma, unformatted counts).
  const csv = await page.request.get(`/redactie/nummers/${DRAFT}/resultaten/csv?figuur=links`);
  expect(csv.headers()['content-disposition']).toBe(
    'attachment; filename="raadsbericht-24-links.csv"',
  );
  const lines = (await csv.text())
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Link;Klikken;Automatisch (niet geteld);Aandeel van ontvangers (%)');
  expect(lines.slice(1).map((line) => line.split(';').slice(-3, -1))).toEqual(
    want.map((w) => w.slice(1)),
  );
  await expectAccessible(page);
});
