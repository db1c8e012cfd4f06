import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { mailCount, mailboxMark, nextMail } from './support/mailbox';
import { signIn } from './support/session';

test('an admin adds an editor, who can then sign in with the role given', async ({
  page,
  browser,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Redacteur toevoegen' });
  await form.getByRole('button', { name: 'Redacteur toevoegen' }).click();
  await expect(form.getByText('Vul een naam in.')).toBeVisible();
  await expect(form.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Naam').fill('Joost Vermeulen');
  await form.getByLabel('E-mailadres').fill('hoofdredactie@kopij.test');
  await form.getByRole('button', { name: 'Redacteur toevoegen' }).click();
  await expect(form.getByText('Dit adres hoort al bij een redacteur.').first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel('Naam').fill('Joost <b>Vermeulen</b>');
  await form.getByLabel('E-mailadres').fill('J.Vermeulen@Gemeente-Zwolle.example');
  await form.getByLabel('Rol').selectOption('hoofdredacteur');
  await form.getByRole('button', { name: 'Redacteur toevoegen' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'kan nu inloggen met j.vermeulen@gemeente-zwolle.example' }),
  ).toBeVisible();
  // What an editor typed is shown as text, never as markup.
  const row = page.getByRole('row', { name: /j\.vermeulen@gemeente-zwolle\.example/ });
  await expect(row.getByRole('cell').first()).toContainText('Joost <b>Vermeulen</b>');
  await expect(row.getByLabel('Rol van Joost <b>Vermeulen</b>')).toHaveValue('hoofdredacteur');
  expect(
    query<{ summary: string }>(
      "select summary from audit_log where action = 'editor.added' order by id desc limit 1",
    )[0]?.summary,
  ).toBe(
    'Joost <b>Vermeulen</b> (j.vermeulen@gemeente-zwolle.example) toegevoegd als hoofdredacteur',
  );

  const context = await browser.newContext();
  const joost = await context.newPage();
  await signIn(joost, 'j.vermeulen@gemeente-zwolle.example');
  await expect(joost.getByText('Hoofdredacteur', { exact: true })).toBeVisible();
  await context.close();
});

test('a deactivated editor is signed out at once and gets no new link', async ({
  page,
  browser,
}) => {
  const email = 'tijdelijk@gemeente.example';
  await signIn(page, 'redactie@kopij.test');
  await page.goto('/redactie/instellingen');
  const form = page.getByRole('form', { name: 'Redacteur toevoegen' });
  await form.getByLabel('Naam').fill('Tijdelijke Kracht');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByRole('button', { name: 'Redacteur toevoegen' }).click();
  await expect(page.getByRole('row', { name: /tijdelijk@gemeente\.example/ })).toBeVisible();

  const context = await browser.newContext();
  const temp = await context.newPage();
  await signIn(temp, email);

  const row = page.getByRole('row', { name: /tijdelijk@gemeente\.example/ });
  await row.getByLabel('Status van Tijdelijke Kracht').selectOption('nee');
  await row.getByRole('button', { name: 'Opslaan voor Tijdelijke Kracht' }).click();
  await expect(row.getByRole('status')).toHaveText('Tijdelijke Kracht is bijgewerkt.');
  await expect(row.getByText('Gedeactiveerd').first()).toBeVisible();

  await temp.reload();
  await expect(temp).toHaveURL(/\/inloggen/);

  const before = mailCount(email);
  const adminMark = mailboxMark('redactie@kopij.test');
  await temp.getByLabel('E-mailadres').fill(email);
  await temp.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(temp.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
  // Flush: a link asked afterwards for a known address arrives, so the queue has run. (Asked
  // here, not through signIn, which reuses the admin's session without a mail.)
  await temp.goto('/inloggen');
  await temp.getByLabel('E-mailadres').fill('redactie@kopij.test');
  await temp.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(temp.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
  await nextMail('redactie@kopij.test', adminMark);
  expect(mailCount(email)).toBe(before);
  await context.close();
});

test('the last active admin cannot be demoted or deactivated', async ({ page }) => {
  await signIn(page, 'redactie@kopij.test');
  await page.goto('/redactie/instellingen');
  const row = page.getByRole('row', { name: /redactie@kopij\.test/ });
  await row.getByLabel('Rol van Sanne Bakker').selectOption('redacteur');
  await row.getByRole('button', { name: 'Opslaan voor Sanne Bakker' }).click();
  await expect(row.getByRole('alert')).toHaveText(
    'Er moet altijd minstens één actieve beheerder zijn.',
  );
  expect(
    query<{ role: string; active: number }>(
      "select role, active from users where email = 'redactie@kopij.test'",
    ),
  ).toEqual([{ role: 'admin', active: 1 }]);
  await expectAccessible(page);
});
