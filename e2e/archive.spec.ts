import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// Runs before the workflow spec sends the demo draft (24): the seed's three sent issues are public, the draft is not.
type IssueRow = { id: number; number: number; slug: string; subject: string };
const newsletter = () => query<{ slug: string }>('select slug from newsletters limit 1')[0]!.slug;
const sent = () =>
  query<IssueRow>(
    "select id, number, slug, subject from issues where status = 'sent' order by sent_at desc",
  );
const draft = () =>
  query<IssueRow>(
    "select id, number, slug, subject from issues where status = 'concept' and number = 24",
  )[0]!;
const itemsOf = (issueId: number) =>
  query<{ id: number; title: string; teaser: string }>(
    "select distinct it.id, it.title, it.teaser from issue_blocks b join items it on it.id = b.item_id where b.issue_id = ? and b.kind in ('lead', 'item')",
    issueId,
  );
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestWord = (text: string) =>
  text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]!;

test('the archive lists the sent issues; an issue page shows every item with its anchor and no personal link', async ({
  page,
}) => {
  await page.goto('/archief');
  const list = page.getByRole('region', { name: /nummers/ });
  for (const issue of sent())
    await expect(
      list.getByRole('link', { name: new RegExp(escapeRegExp(issue.subject)) }),
    ).toBeVisible();
  await expect(list).not.toContainText(draft().subject);
  await expectAccessible(page);

  const newest = sent()[0]!;
  await list.getByRole('link', { name: new RegExp(`^Raadsbericht ${newest.number}:`) }).click();
  await expect(page).toHaveURL(new RegExp(`/archief/${newsletter()}/${newest.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.subject);
  for (const item of itemsOf(newest.id))
    await expect(page.locator(`article#item-${item.id}`).getByRole('heading')).toHaveText(
      item.title,
    );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    new RegExp(`/archief/${newsletter()}/${newest.slug}$`),
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    newest.subject,
  );
  await expect(page).toHaveTitle(new RegExp(newest.subject.slice(0, 20)));
  const html = await page.content();
  expect(html).not.toMatch(/\/afmelden\/|\/voorkeuren\/|kopij\.invalid/);
  await expect(
    page.getByRole('link', { name: 'Aanmelden voor Raadsbericht', exact: true }),
  ).toHaveAttribute('href', `/aanmelden/${newsletter()}`);
  await expectAccessible(page);
});

test('an event in a sent issue offers an .ics file; other ids under that path are a 404', async ({
  page,
  request,
}) => {
  const event = query<{ id: number; title: string; slug: string }>(
    "select it.id, it.title, i.slug from issue_blocks b join items it on it.id = b.item_id join issues i on i.id = b.issue_id where i.status = 'sent' and it.kind = 'event' and it.event_date is not null limit 1",
  )[0]!;
  expect(event).toBeTruthy();
  await page.goto(`/archief/${newsletter()}/${event.slug}`);
  const link = page.locator(`#item-${event.id}`).getByRole('link', { name: /Zet in agenda/ });
  const ics = await request.get((await link.getAttribute('href'))!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const body = await ics.text();
  expect(body).toContain('BEGIN:VEVENT');
  expect(body).toContain(`SUMMARY:${event.title.replace(/[,;]/g, (c) => `\\${c}`).slice(0, 40)}`);
  const notEvent = query<{ id: number }>(
    "select it.id from issue_blocks b join items it on it.id = b.item_id join issues i on i.id = b.issue_id where i.slug = ? and it.kind <> 'event' limit 1",
    event.slug,
  )[0]!;
  expect(
    (await request.get(`/archief/${newsletter()}/${event.slug}/agenda/${notEvent.id}`)).status(),
  ).toBe(404);
  expect(
    (await request.get(`/archief/${newsletter()}/${draft().slug}/agenda/${event.id}`)).status(),
  ).toBe(404);
});

test('search finds a sent item by a word from its teaser and links to its anchor; the theme filter narrows the list', async ({
  page,
}) => {
  const issue = sent()[1]!;
  const item = itemsOf(issue.id)[0]!;
  const word = longestWord(item.teaser);
  await page.goto('/archief');
  await page.getByLabel('Zoeken').fill(word);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const results = page.getByRole('region', { name: /(resultaat|resultaten) voor/ });
  const hit = results.locator(`a[href="/archief/${newsletter()}/${issue.slug}#item-${item.id}"]`);
  await expect(hit).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();
  await expectAccessible(page);
  await hit.click();
  await expect(page.locator(`#item-${item.id}`)).toBeInViewport();

  // Theme filter: only issues with an item in that theme's section.
  const theme = query<{ id: number; name: string }>(
    "select t.id, t.name from themes t join issue_blocks b on b.theme_id = t.id join issues i on i.id = b.issue_id where i.status = 'sent' group by t.id order by count(distinct i.id) asc limit 1",
  )[0]!;
  const withTheme = query<{ subject: string }>(
    "select distinct i.subject from issues i join issue_blocks b on b.issue_id = i.id where i.status = 'sent' and b.kind = 'item' and b.theme_id = ?",
    theme.id,
  );
  await page.goto('/archief');
  await page.getByLabel('Thema').selectOption({ label: theme.name });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(new RegExp(`thema=${theme.id}`));
  await expect(page.getByRole('region', { name: /nummers?$/ }).getByRole('listitem')).toHaveCount(
    withTheme.length,
  );
});

test('the feed is valid RSS listing the sent issues; sitemap and robots are served', async ({
  page,
  request,
}) => {
  const response = await request.get('/archief/feed.xml');
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const body = await response.text();
  await page.goto('/archief');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent),
    };
  }, body);
  expect(parsed.error).toBeNull();
  // The demo's subjects start with their title ("Raadsbericht 23: …"): the feed says it once.
  expect(sent().every((i) => i.subject.startsWith(`Raadsbericht ${i.number}: `))).toBe(true);
  expect(parsed.titles).toEqual(sent().map((i) => i.subject));
  expect(body).not.toContain(draft().subject);

  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const issue of sent()) expect(sitemap).toContain(`/archief/${newsletter()}/${issue.slug}`);
  expect(sitemap).not.toContain(draft().slug);
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /redactie');
});

test('a draft is reachable nowhere public: not by slug, number or id, not in search, feed or sitemap', async ({
  page,
  request,
}) => {
  const d = draft();
  for (const path of [
    `/archief/${newsletter()}/${d.slug}`,
    `/archief/${newsletter()}/${d.number}`,
    `/archief/${newsletter()}/${d.id}`,
    `/archief/x/${d.slug}`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const onlyInDraft = query<{ title: string }>(
    "select it.title from issue_blocks b join items it on it.id = b.item_id where b.issue_id = ? and it.id not in (select item_id from issue_blocks x join issues i on i.id = x.issue_id where i.status = 'sent' and x.item_id is not null)",
    d.id,
  )[0]!;
  await page.goto(`/archief?q=${encodeURIComponent(onlyInDraft.title)}`);
  await expect(page.getByRole('heading', { name: /Niets gevonden/ })).toBeVisible();
});

test('an archive page comes from the cache; a redacteur corrects it, the page says so at once and the log keeps the change', async ({
  page,
  browser,
  request,
}) => {
  const issue = sent().at(-1)!;
  const url = `/archief/${newsletter()}/${issue.slug}`;
  const item = query<{ item_id: number; title: string; url: string | null }>(
    "select item_id, title, url from sent_items where issue_id = ? and kind = 'news' order by item_id limit 1",
    issue.id,
  )[0]!;

  // Cached by Next and marked for shared caches; the second request is a hit.
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  expect((await request.get(url)).headers()['x-nextjs-cache']).toBe('HIT');
  // So is the plain list (by theme, year, page); a search is answered per request.
  await request.get('/archief?thema=&jaar=');
  expect((await request.get('/archief')).headers()['x-nextjs-cache']).toBe('HIT');
  expect((await request.get('/archief?q=raad')).headers()['cache-control']).toContain('no-store');

  const context = await browser.newContext();
  const editor = await context.newPage();
  await signIn(editor, 'redacteur@kopij.test');
  await open(editor, `/redactie/nummers/${issue.id}`);
  await editor.getByRole('link', { name: 'Webversie corrigeren' }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toContainText('Webversie corrigeren');
  await hydrated(editor);
  await expectAccessible(editor);

  const fields = editor.getByRole('group', { name: new RegExp(`: ${escapeRegExp(item.title)}$`) });
  await fields.getByLabel('Titel').fill('Gecorrigeerd: zeldzaamwoord in de titel');
  await fields.getByRole('textbox', { name: /^Link/ }).fill('notaurl');
  await editor.getByRole('button', { name: 'Correctie publiceren' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'Controleer' })).toHaveText(
    'Controleer de gemarkeerde velden.',
  );
  await expect(
    fields.getByText('Vul een volledig webadres in dat begint met https://'),
  ).toBeVisible();
  await expect(editor.getByText(/Leg kort uit wat u corrigeert/)).toBeVisible();
  expect(
    query<{ title: string }>(
      'select title from sent_items where issue_id = ? and item_id = ?',
      issue.id,
      item.item_id,
    )[0]!.title,
  ).toBe(item.title);

  await fields
    .getByRole('textbox', { name: /^Link/ })
    .fill('https://voorbeeld.nl/de-juiste-pagina');
  const callToAction = editor.getByRole('group', {
    name: 'Oproep: Aangenomen moties van gemeenteraden',
  });
  await callToAction.getByLabel('Knoptekst').fill('Bekijk alle moties');
  await editor.getByLabel('Toelichting').fill('Titel verduidelijkt en dode link hersteld.');
  await editor.getByRole('button', { name: 'Correctie publiceren' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Correctie gepubliceerd' })).toHaveText(
    /3 wijzigingen/,
  );

  await page.goto(url);
  const article = page.locator(`article#item-${item.item_id}`);
  await expect(article.getByRole('heading')).toHaveText('Gecorrigeerd: zeldzaamwoord in de titel');
  await expect(article.getByRole('link', { name: /Lees meer/ })).toHaveAttribute(
    'href',
    'https://voorbeeld.nl/de-juiste-pagina',
  );
  await expect(page.getByRole('link', { name: 'Bekijk alle moties' })).toBeVisible();
  await expect(
    page.getByText(/^Gecorrigeerd op \d+ \w+ \d{4}: Titel verduidelijkt en dode link hersteld\.$/),
  ).toBeVisible();
  await expectAccessible(page);

  await page.goto('/archief?q=zeldzaamwoord');
  await expect(page.locator(`a[href="${url}#item-${item.item_id}"]`)).toBeVisible();

  const log = query<{ actor_label: string; summary: string; details: string }>(
    "select actor_label, summary, details from audit_log where action = 'issue.corrected' and entity_id = ?",
    String(issue.id),
  );
  expect(log).toHaveLength(1);
  expect(log[0]!.actor_label).toBe('Fatima El Idrissi (redacteur@kopij.test)');
  expect(JSON.parse(log[0]!.details).changes).toEqual([
    {
      field: 'Titel',
      item: item.title,
      before: item.title,
      after: 'Gecorrigeerd: zeldzaamwoord in de titel',
    },
    {
      field: 'Link',
      item: item.title,
      before: item.url ?? '',
      after: 'https://voorbeeld.nl/de-juiste-pagina',
    },
    {
      field: 'Knoptekst',
      item: 'Aangenomen moties van gemeenteraden',
      before: expect.any(String),
      after: 'Bekijk alle moties',
    },
  ]);
  await context.close();
});
