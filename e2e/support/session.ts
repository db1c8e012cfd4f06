import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { firstLink, mailboxMark, nextMail } from './mailbox';

/** Signs in the real way: ask for a link, read it from the SMTP server, open it, press the button. */
export async function signIn(page: Page, email: string, { checkA11y = false } = {}) {
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
}

/** Waits until React has hydrated the page, so typing and clicking reach its handlers. */
export async function hydrated(page: Page) {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

export async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}
