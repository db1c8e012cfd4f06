import { expect, test } from './support/test';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { startOwnApp, type OwnApp } from './support/own-app';

// Next reports 127.0.0.1 as `localhost` in request URLs: redirects built from the request sent a
// browser that came to PUBLIC_URL=http://127.0.0.1:<port> to localhost, where its session
// cookie does not exist. Every redirect must go to PUBLIC_URL instead.

const editor = 'redacteur@kopij.test';
let app: OwnApp;

test.beforeAll(async () => {
  app = await startOwnApp({ publicHost: '127.0.0.1' });
});
test.afterAll(async () => {
  await app?.stop();
});

test('with PUBLIC_URL on 127.0.0.1, sign-in by mailed link ends there, signed in', async ({
  page,
}) => {
  await page.goto(`${app.url}/redactie/nummers`);
  await expect(page).toHaveURL(`${app.url}/inloggen?callbackUrl=%2Fredactie%2Fnummers`);

  const mark = mailboxMark(editor, app.mailDir);
  await page.getByLabel('E-mailadres').fill(editor);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
  expect(page.url().startsWith(`${app.url}/`)).toBe(true);

  const link = firstLink(await nextMail(editor, mark, app.mailDir), '/inloggen/bevestigen');
  expect(link.startsWith(`${app.url}/inloggen/bevestigen?`)).toBe(true);
  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await expect(page).toHaveURL(`${app.url}/redactie/nummers`);
  await expect(page.getByRole('heading', { name: 'Nummers', level: 1 })).toBeVisible();
  await page.goto(`${app.url}/redactie`);
  await expect(page).toHaveURL(`${app.url}/redactie`);
  await expect(page.getByRole('heading', { name: 'Welkom, Fatima El Idrissi' })).toBeVisible();
});

test('with PUBLIC_URL on 127.0.0.1, a used link is refused on that address', async ({ page }) => {
  const mark = mailboxMark(editor, app.mailDir);
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(editor);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  const link = firstLink(await nextMail(editor, mark, app.mailDir), '/inloggen/bevestigen');
  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${app.url}/redactie`);

  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${app.url}/inloggen?error=Verification`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('verlopen of al gebruikt');
});
