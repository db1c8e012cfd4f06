import { expect, test } from './support/test';
import { query } from './support/db';

// The archive's own reach (lib/archive/reach-*.ts), counted by the server as pages load: no
// cookie, no script. Playwright's own Chromium says HeadlessChrome, which the archive counts as
// a bot, so the other specs count nothing; this one brings a reader's browser, and a crawler.
// It reads the demo's sent issues and changes nothing that other specs read.

const newsletter = () => query<{ slug: string }>('select slug from newsletters limit 1')[0]!.slug;

test('the archive counts a reader’s views and searches on the server, without a cookie; a bot’s not', async ({
  browser,
  baseURL,
}) => {
  const issue = query<{ id: number; number: number; slug: string; subject: string }>(
    "select id, number, slug, subject from issues where status = 'sent' order by sent_at desc",
  )[1]!;
  const path = `/archief/${newsletter()}/${issue.slug}`;
  const reach = () => ({
    views: query<{ n: number }>(
      'select coalesce(sum(views), 0) n from archive_views where issue_id = ?',
      issue.id,
    )[0]!.n,
    searches: query<{ n: number }>(
      'select coalesce(sum(searches), 0) n from archive_searches where newsletter_id = 0',
    )[0]!.n,
  });
  const before = reach();

  const crawler = await browser.newContext({
    baseURL,
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
  const bot = await crawler.newPage();
  await bot.goto(path);
  await bot.goto('/archief?q=begroting');
  await crawler.close();

  const reader = await browser.newContext({
    baseURL,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  });
  const page = await reader.newPage();
  // Straight to the page, then by a click in the archive's list (a plain link: a page load).
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.subject);
  await page.goto('/archief');
  await page
    .getByRole('region', { name: /nummers/ })
    .getByRole('link', { name: new RegExp(`^Raadsbericht ${issue.number}:`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.subject);
  await page.goto('/archief');
  await page.getByLabel('Zoeken').fill('begroting');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('region', { name: /voor “begroting”/ })).toBeVisible();
  expect(await reader.cookies()).toEqual([]);

  // Written every few seconds: two views, one search, the crawler's none.
  await expect
    .poll(reach, { timeout: 20_000 })
    .toEqual({ views: before.views + 2, searches: before.searches + 1 });
  await reader.close();
});
