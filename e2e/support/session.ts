import { expect, type BrowserContext, type Page } from '@playwright/test';
import { appURL } from './app';
import { expectAccessible } from './axe';
import { firstLink, mailboxMark, nextMail } from './mailbox';

// The session cookies of each editor who signed in on this worker's app. Signing in again as
// the same editor reuses them (the sign-in flow itself has its own specs): some 40 sign-ins
// through the mailbox cost the suite about a minute. A session that has ended since (signed out,
// deactivated) sends the page to /inloggen, and the editor then signs in the real way again.
type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
const sessions = new Map<string, Cookies>();

async function reuseSession(page: Page, key: string): Promise<boolean> {
  const cookies = sessions.get(key);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  await open(page, '/redactie');
  if (new URL(page.url()).pathname.startsWith('/redactie')) return true;
  sessions.delete(key);
  await page.context().clearCookies();
  return false;
}

/**
 * Signs in the real way: ask for a link, read it from the SMTP server, open it, press the
 * button. A second time for the same editor on this app, the session is reused (see above);
 * `checkA11y` always takes the real way, checking each sign-in page with axe.
 */
export async function signIn(page: Page, email: string, { checkA11y = false } = {}) {
  const key = `${appURL()} ${email}`;
  if (!checkA11y && (await reuseSession(page, key))) return;
  const mark = mailboxMark(email);
  await open(page, '/inloggen');
  if (checkA11y) await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
  if (checkA11y) await expectAccessible(page);
  const mail = await nextMail(email, mark);
  await page.goto(firstLink(mail, '/inloggen/bevestigen'));
  if (checkA11y) await expectAccessible(page);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/redactie/);
  await hydrated(page);
  sessions.set(key, await page.context().cookies());
}

/** Waits until React has hydrated the page, so typing and clicking reach its handlers. */
export async function hydrated(page: Page) {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

export async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}
