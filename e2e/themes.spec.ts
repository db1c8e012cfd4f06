import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { newIssue, nextFrames } from './support/builder';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// The theme lifecycle on the demo newsletter. Other specs rely on the demo themes, so this spec
// makes its own theme ("Wonen", archived at the end, as it cannot be deleted once used) and puts
// every demo theme it renames or archives back in a `finally`.

const newsletterId = () =>
  query<{ id: number }>("select id from newsletters where slug = 'raadsbericht'")[0]!.id;
const themesUrl = () => `/redactie/nieuwsbrieven/${newsletterId()}/themas`;
const order = (page: Page) =>
  page
    .locator('li[data-theme]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-theme')!));
const row = (page: Page, name: string) => page.locator(`li[data-theme="${name}"]`);
const themeNames = () =>
  query<{ name: string }>(
    'select name from themes where newsletter_id = ? order by position',
    newsletterId(),
  ).map((t) => t.name);

test('a redacteur gets 403 on the themes page', async ({ page }) => {
  await signIn(page, 'redacteur@kopij.test');
  const response = await page.goto(themesUrl());
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
});

test('an own theme: added, reordered by keyboard, refused deletion once used, archived', async ({
  page,
  browser,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await open(page, themesUrl());
  await expect(page.getByRole('heading', { name: 'Thema’s van Raadsbericht' })).toBeVisible();
  await expectAccessible(page);
  const demoOrder = themeNames();

  // A duplicate name, in another case, is refused in Dutch and adds nothing.
  const add = page.getByRole('region', { name: 'Thema toevoegen' });
  await add.getByLabel('Naam van het thema').fill('bestuur');
  await add.getByRole('button', { name: 'Thema toevoegen' }).click();
  await expect(
    add.getByText('Er is al een thema “Bestuur” in deze nieuwsbrief.').first(),
  ).toBeVisible();
  expect(themeNames()).toEqual(demoOrder);

  await add.getByLabel('Naam van het thema').fill('Wonen');
  await add.getByRole('button', { name: 'Thema toevoegen' }).click();
  await expect(row(page, 'Wonen')).toContainText('0 items · 0 volgers');
  expect(await order(page)).toEqual([...demoOrder, 'Wonen']);
  await expectAccessible(page);

  // Keyboard only: to the grip, pick up, one place up, drop; saved, also after a reload.
  const live = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole('button', { name: 'Verplaats Wonen' }).focus();
  await page.keyboard.press('Space');
  await expect(live).toHaveText('Thema Wonen opgepakt, positie 6 van 6.');
  await nextFrames(page);
  await page.keyboard.press('ArrowUp');
  await expect(live).toContainText('boven positie 5 van 6');
  await page.keyboard.press('Space');
  await expect(live).toContainText('Thema Wonen neergezet op positie 5 van 6.');
  await expect(page.getByText('De volgorde is opgeslagen.')).toBeVisible();
  const moved = [...demoOrder.slice(0, 4), 'Wonen', demoOrder[4]!];
  expect(themeNames()).toEqual(moved);
  await page.reload();
  await hydrated(page);
  expect(await order(page)).toEqual(moved);
  // The buttons do the same without dragging: back to the end.
  await row(page, 'Wonen').getByRole('button', { name: 'Omlaag Wonen één plek omlaag' }).click();
  await expect.poll(() => themeNames()).toEqual([...demoOrder, 'Wonen']);
  await expect.poll(() => order(page)).toEqual([...demoOrder, 'Wonen']);

  // Delete is offered while nothing uses Wonen. Another tab files an item under it meanwhile:
  // the delete is then refused, saying why, and the theme stays.
  await expect(row(page, 'Wonen').getByRole('button', { name: 'Verwijderen Wonen' })).toBeVisible();
  const other = await page.context().newPage();
  await open(other, '/redactie/items/nieuw');
  await other.getByLabel('Titel').fill('Woningbouwakkoord met de provincie');
  await other.getByLabel('Thema').selectOption({ label: 'Wonen' });
  await other.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(other).toHaveURL(/\/redactie\/items\?opgeslagen=1/);
  await other.close();
  await row(page, 'Wonen').getByRole('button', { name: 'Verwijderen Wonen' }).click();
  await row(page, 'Wonen').getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(row(page, 'Wonen').getByRole('alert')).toContainText(
    'Dit thema wordt gebruikt door 1 item(s) en kan daarom niet worden verwijderd. Archiveer het',
  );
  expect(themeNames()).toContain('Wonen');
  await page.reload();
  await hydrated(page);
  await expect(row(page, 'Wonen')).toContainText('1 item · 0 volgers');
  await expect(row(page, 'Wonen').getByRole('button', { name: /Verwijderen/ })).toHaveCount(0);

  // Archived: gone from sign-up and the item form, still listed here to put back.
  await row(page, 'Wonen').getByRole('button', { name: 'Archiveren Wonen' }).click();
  await expect(row(page, 'Wonen').getByText('Gearchiveerd')).toBeVisible();
  await expectAccessible(page);
  const visitor = await browser.newContext();
  const signUp = await visitor.newPage();
  await open(signUp, '/aanmelden');
  await expect(signUp.getByLabel('Bestuur')).toBeVisible();
  await expect(signUp.getByLabel('Wonen')).toHaveCount(0);
  await visitor.close();
  await open(page, '/redactie/items/nieuw');
  await expect(page.getByLabel('Thema').locator('option', { hasText: 'Wonen' })).toHaveCount(0);
});

test('a rename after a send and archiving a followed theme leave the sent issue as it was', async ({
  page,
  browser,
}) => {
  const theme = query<{ id: number }>("select id from themes where slug = 'financien'")[0]!;
  const sent = query<{ number: number; slug: string }>(
    `select distinct i.number, i.slug from issues i join sent_items s on s.issue_id = i.id
     where i.status = 'sent' and s.theme_id = ? order by i.sent_at desc limit 1`,
    theme.id,
  )[0]!;
  const follows = () =>
    query<{ subscription_id: number; theme_id: number }>(
      'select subscription_id, theme_id from subscription_themes order by 1, 2',
    );
  const followsBefore = follows();
  expect(followsBefore.some((f) => f.theme_id === theme.id)).toBe(true);

  await signIn(page, 'redactie@kopij.test');
  // A draft of its own: the demo's draft may have been sent by the workflow spec on this app.
  const draftId = await newIssue(page);
  await open(page, themesUrl());
  try {
    const financien = row(page, 'Financiën');
    await financien.getByLabel('Naam van Financiën').fill('Geld en begroting');
    await financien.getByRole('button', { name: 'Naam opslaan voor Financiën' }).click();
    await expect(page.getByText('De naam is nu “Geld en begroting”.')).toBeVisible();

    // The sent issue's archive page keeps the name it was sent with.
    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    await open(reader, `/archief/raadsbericht/${sent.slug}`);
    await expect(reader.getByRole('heading', { name: 'Financiën', level: 2 })).toBeVisible();
    await expect(reader.getByText('Geld en begroting')).toHaveCount(0);

    // The next issue (the draft) shows the new one.
    await open(page, `/redactie/nummers/${draftId}`);
    await expect(page.getByRole('region', { name: 'Geld en begroting' })).toBeVisible();

    // Archived: sign-up no longer offers it, followers keep every theme they had, the sent
    // issue keeps its section.
    await open(page, themesUrl());
    await row(page, 'Geld en begroting')
      .getByRole('button', { name: 'Archiveren Geld en begroting' })
      .click();
    await expect(row(page, 'Geld en begroting').getByText('Gearchiveerd')).toBeVisible();
    await open(reader, '/aanmelden');
    await expect(reader.getByLabel('Bestuur')).toBeVisible();
    await expect(reader.getByLabel('Geld en begroting')).toHaveCount(0);
    await expect(reader.getByLabel('Financiën')).toHaveCount(0);
    expect(follows()).toEqual(followsBefore);
    await open(reader, `/archief/raadsbericht/${sent.slug}`);
    await expect(reader.getByRole('heading', { name: 'Financiën', level: 2 })).toBeVisible();
    await visitor.close();

    // Used by a sent issue and by subscribers: never deleted, and the screen does not offer it.
    await expect(
      row(page, 'Geld en begroting').getByRole('button', { name: /Verwijderen/ }),
    ).toHaveCount(0);
  } finally {
    await open(page, themesUrl());
    const current = query<{ name: string; archived_at: number | null }>(
      'select name, archived_at from themes where id = ?',
      theme.id,
    )[0]!;
    if (current.archived_at) {
      await row(page, current.name)
        .getByRole('button', { name: `Terugzetten ${current.name}` })
        .click();
      await expect(row(page, current.name).getByText('Gearchiveerd')).toHaveCount(0);
    }
    if (current.name !== 'Financiën') {
      await row(page, current.name).getByLabel(`Naam van ${current.name}`).fill('Financiën');
      await row(page, current.name)
        .getByRole('button', { name: `Naam opslaan voor ${current.name}` })
        .click();
    }
    await expect
      .poll(() => query('select name, archived_at from themes where id = ?', theme.id))
      .toEqual([{ name: 'Financiën', archived_at: null }]);
  }
});
