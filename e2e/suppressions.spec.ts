import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// Addresses no other spec uses: the app and its database are shared by the specs of a worker.
const LIFTED = 'e2e.opheffen@onderdrukt-test.example';
const BLOCKED = 'e2e.geblokkeerd@onderdrukt-test.example';
const NEW = 'e2e.welkom@onderdrukt-test.example';
const SEEN = 'e2e.zichtbaar@onderdrukt-test.example';

/** The admin's manual add, through the form on the list page. */
async function addByHand(page: Page, email: string, reason: string) {
  const form = page.getByRole('form', { name: 'Adres toevoegen' });
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Reden', { exact: true }).fill(reason);
  await form.getByRole('button', { name: 'Adres onderdrukken' }).click();
  await expect(
    page.getByText('Het adres staat nu op de onderdrukkingslijst en krijgt geen e-mail meer.'),
  ).toBeVisible();
}

test('an admin adds an address by hand, lifts it with a reason, and finds both in the log', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'redactie@kopij.test');
  await open(page, '/redactie/abonnees');
  await page.getByRole('link', { name: 'Onderdrukkingslijst' }).click();
  await expect(page.getByRole('heading', { name: 'Onderdrukkingslijst', level: 1 })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);

  await addByHand(page, LIFTED.toUpperCase(), 'Verzoek per telefoon');
  const row = page.getByRole('row').filter({ hasText: LIFTED });
  await expect(row).toContainText('Handmatig toegevoegd');
  await expect(row).toContainText('Verzoek per telefoon');
  await expect(row).toContainText('Sanne Bakker');
  await expectAccessible(page);

  // The list search finds it; the same address again is refused.
  const filters = page.getByRole('search', { name: 'Onderdrukkingslijst filteren' });
  await filters.getByLabel('Zoeken op e-mailadres').fill('opheffen@onderdrukt');
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/q=opheffen/);
  await expect(page.getByText('1 adres', { exact: true })).toBeVisible();
  await hydrated(page);

  // Lifting needs a reason; the disclosure opens from the keyboard.
  await row.locator('summary').focus();
  await page.keyboard.press('Enter');
  await row.getByRole('button', { name: 'Onderdrukking opheffen' }).click();
  await expect(row.getByRole('alert')).toHaveText('Geef een reden op van minstens 5 tekens.');
  expect(
    query<{ lifted_at: number | null }>(
      'select lifted_at from suppressions where email = ?',
      LIFTED,
    ),
  ).toEqual([{ lifted_at: null }]);
  await row.getByLabel('Reden voor opheffen').fill('Adres weer in gebruik');
  await row.getByRole('button', { name: 'Onderdrukking opheffen' }).click();
  await expect(page.getByText(/^De onderdrukking is opgeheven\. Er is niemand/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: LIFTED })).toHaveCount(0);
  await expectAccessible(page);
  expect(
    query<{ lift_reason: string }>('select lift_reason from suppressions where email = ?', LIFTED),
  ).toEqual([{ lift_reason: 'Adres weer in gebruik' }]);

  // The lifted row stays visible with who and why.
  await open(page, `/redactie/abonnees/onderdrukt?stand=opgeheven&q=${encodeURIComponent(LIFTED)}`);
  await expect(page.getByRole('row').filter({ hasText: LIFTED })).toContainText(
    'Adres weer in gebruik',
  );

  // The log names the suppression by number, with the reason, never the address.
  await open(page, '/redactie/logboek?soort=onderdrukking');
  await expect(
    page.getByText(/Onderdrukking #\d+ opgeheven \(handmatig toegevoegd\): Adres weer in gebruik/),
  ).toBeVisible();
  await expect(
    page.getByText(
      /Adres handmatig op de onderdrukkingslijst gezet \(#\d+\): Verzoek per telefoon/,
    ),
  ).toBeVisible();
  await expect(page.getByText(LIFTED)).toHaveCount(0);
  await expectAccessible(page);
});

test('an import preview shows a suppressed address as skipped', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'redactie@kopij.test');
  await open(page, '/redactie/abonnees/onderdrukt');
  await addByHand(page, BLOCKED, 'Klacht per brief');

  await open(page, '/redactie/abonnees/importeren');
  const csv = ['email;naam', `${NEW};Welkom`, `${BLOCKED.toUpperCase()};Geblokkeerd`].join('\r\n');
  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'onderdrukt.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { name: 'Voorbeeld van onderdrukt.csv' })).toBeVisible();
  await hydrated(page);
  await expect(page.getByTestId('aantal-nieuw')).toHaveText('1');
  await expect(page.getByTestId('aantal-onderdrukt')).toHaveText('1');
  const skipped = page.getByRole('row').filter({ hasText: BLOCKED });
  await expect(
    skipped.getByRole('cell', { name: 'Staat op de onderdrukkingslijst.' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Importeren: 1 nieuw, 0 bijgewerkt' }),
  ).toBeVisible();
  await expectAccessible(page);
  // A preview only: nothing is stored until the button (not pressed here).
  expect(query('select id from subscribers where email in (?, ?)', NEW, BLOCKED)).toEqual([]);
});

test('a hoofdredacteur sees the list but cannot change it; a redacteur cannot see it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // A context per editor (axe needs a page from a context of its own).
  const asEditor = async () => (await browser.newContext()).newPage();
  const admin = await asEditor();
  await signIn(admin, 'redactie@kopij.test');
  await open(admin, '/redactie/abonnees/onderdrukt');
  await addByHand(admin, SEEN, 'Zichtbaar voor de hoofdredactie');
  await admin.context().close();

  const chief = await asEditor();
  await signIn(chief, 'hoofdredactie@kopij.test');
  await open(chief, '/redactie/abonnees/onderdrukt');
  await expect(chief.getByRole('heading', { name: 'Onderdrukkingslijst', level: 1 })).toBeVisible();
  await expect(chief.getByRole('row').filter({ hasText: SEEN })).toBeVisible();
  await expect(chief.getByRole('heading', { name: 'Adres toevoegen' })).toHaveCount(0);
  await expect(chief.locator('summary')).toHaveCount(0);
  await expectAccessible(chief);
  await chief.context().close();

  const editor = await asEditor();
  await signIn(editor, 'redacteur@kopij.test');
  await open(editor, '/redactie/abonnees');
  await expect(editor.getByRole('link', { name: 'Onderdrukkingslijst' })).toHaveCount(0);
  expect((await editor.goto('/redactie/abonnees/onderdrukt'))?.status()).toBe(403);
  await editor.context().close();
});
