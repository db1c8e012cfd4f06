import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import {
  blockHandle,
  drag,
  dragFromLibrary,
  issueOrder,
  newIssue,
  waitForSaved,
} from './support/builder';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// Tall enough that the library and the whole issue fit on screen together.
test.use({ viewport: { width: 1400, height: 2400 } });
// Whole editing sessions: several drags, saves and reloads each.
test.describe.configure({ timeout: 90_000 });

const asiel = 'section:1';
const bestuur = 'section:2';
const financien = 'section:3';

test('the issues overview lists issues with status and creates a new one with its default blocks', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await page.getByRole('link', { name: 'Nummers' }).click();
  await expect(
    page.getByRole('row', { name: /Nummer 24 .*Concept .* door Fatima El Idrissi/ }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Nummer 21 .*Verzonden/ })).toBeVisible();
  await expectAccessible(page);
  // A sent issue opens as it went out, without anything to drag or edit.
  await page.getByRole('link', { name: 'Nummer 21' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ingepland of verzonden' })).toHaveText(
    'Dit nummer is ingepland of verzonden en kan niet meer worden gewijzigd.',
  );
  await expect(page.getByRole('button', { name: /^Verplaats/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.goBack();
  await newIssue(page);
  await expect(page.getByRole('heading', { name: 'Raadsbericht 25' })).toBeVisible();
  await expect(page.locator('[data-zone="lead"]')).toContainText(
    'Sleep hier het openingsitem naartoe.',
  );
  await expect(page.locator('[data-zone="extras"] [data-block]')).toHaveCount(2);
  await expectAccessible(page);
});

test('an issue saved as a template starts a new issue with the same fixed blocks in order', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  const source = await newIssue(page);
  const extras = page.locator('[data-zone="extras"] [data-block]');
  // A frame unlike the start blocks: the text block out, an image in after the call to action.
  await extras
    .first()
    .getByRole('button', { name: /^Verwijder / })
    .click();
  await page.getByRole('button', { name: 'Afbeelding toevoegen aan het nummer' }).click();
  await expect(extras).toHaveCount(2);
  await waitForSaved(page);

  await page.getByRole('button', { name: 'Opslaan als sjabloon' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opslaan als sjabloon' });
  await dialog.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(dialog.getByText('Vul een naam voor het sjabloon in.')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Naam van het sjabloon').fill('Kort nummer');
  await dialog.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Sjabloon “Kort nummer”' })).toHaveText(
    'Sjabloon “Kort nummer” is opgeslagen.',
  );

  await open(page, '/redactie/nummers');
  await page.getByLabel('Start van').selectOption({ label: 'Sjabloon: Kort nummer' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nieuw nummer van Raadsbericht' }).click();
  await expect(page).toHaveURL(/\/redactie\/nummers\/\d+$/);
  const made = Number(page.url().split('/').pop());
  expect(made).not.toBe(source);
  await expect(extras).toHaveCount(2);
  await expect(extras.nth(0)).toContainText('Oproep met knop');
  await expect(extras.nth(1)).toContainText('Afbeelding');
  await expect(page.locator('[data-zone="lead"]')).toContainText('Sleep hier het openingsitem');
  const frameOf = (issueId: number) =>
    query<{ kind: string; content: string | null }>(
      'select kind, content from issue_blocks where issue_id = ? order by position',
      issueId,
    ).map((b) => ({ kind: b.kind, content: b.content && JSON.parse(b.content) }));
  expect(frameOf(made).map((b) => b.kind)).toEqual(['cta', 'image', 'footer']);
  expect(frameOf(made)).toEqual(frameOf(source));

  // Managed under Nummers → Sjablonen; deleting it leaves the demo as it was for other tests.
  await open(page, '/redactie/nummers/sjablonen');
  const row = page.locator('[data-template="Kort nummer"]');
  await expect(row).toContainText('Oproep “Aangenomen moties van gemeenteraden”, Afbeelding');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Verwijderen Kort nummer' }).click();
  await page.getByRole('button', { name: 'Ja, verwijder het sjabloon' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sjabloon “Kort nummer” is verwijderd.' }),
  ).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('an editor builds the reference issue with the mouse, and it comes back the same after a reload', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await newIssue(page);
  await page.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 25: gebouwd met de muis');

  await dragFromLibrary(
    page,
    'Algemene ledenvergadering op dag twee van het VSG-congres: agenda en stukken online',
    page.locator('[data-zone="lead"]'),
  );
  await dragFromLibrary(
    page,
    'Tussenevaluatie Wet inburgering: gemeenten vragen om meer ruimte voor maatwerk',
    page.locator(`[data-zone="${asiel}"]`),
  );
  await dragFromLibrary(
    page,
    'Meldpunt en steunpakket voor raadsleden die te maken krijgen met intimidatie',
    page.locator(`[data-zone="${bestuur}"]`),
  );
  await dragFromLibrary(
    page,
    'Opschalingskorting: vereniging vraagt kabinet om volledige terugdraaiing',
    page.locator(`[data-zone="${financien}"]`),
  );
  await dragFromLibrary(
    page,
    'Meer eigen belastinggebied: drie varianten voor een nieuwe gemeentelijke belasting',
    page.locator(`[data-zone="${financien}"]`),
  );
  // Reorder within the section: the second item to the top.
  await drag(
    page,
    blockHandle(
      page,
      'Meer eigen belastinggebied: drie varianten voor een nieuwe gemeentelijke belasting',
    ),
    page.locator(`[data-zone="${financien}"] [data-block]`).first(),
    'top',
  );
  // Take the forum block out and drag it back in from the reusable blocks, above the call to action.
  await page.getByRole('button', { name: /^Verwijder Blok Raadsforum/ }).click();
  await drag(
    page,
    page.getByRole('button', { name: 'Sleep Raadsforum (vast blok) naar het nummer' }),
    page.locator('[data-zone="extras"] [data-block]').first(),
    'top',
  );

  const expected = {
    lead: ['Algemene ledenvergadering op dag twee van het VSG-congres: agenda en stukken online'],
    [asiel]: ['Tussenevaluatie Wet inburgering: gemeenten vragen om meer ruimte voor maatwerk'],
    [bestuur]: ['Meldpunt en steunpakket voor raadsleden die te maken krijgen met intimidatie'],
    [financien]: [
      'Meer eigen belastinggebied: drie varianten voor een nieuwe gemeentelijke belasting',
      'Opschalingskorting: vereniging vraagt kabinet om volledige terugdraaiing',
    ],
  };
  const order = await issueOrder(page);
  expect(order).toMatchObject(expected);
  await expect(page.locator('[data-zone="extras"] [data-block]').first()).toContainText(
    'Tekstblok',
  );
  await waitForSaved(page);

  await page.reload();
  await hydrated(page);
  expect(await issueOrder(page)).toEqual(order);
  await expect(page.getByLabel('Onderwerp', { exact: true })).toHaveValue(
    'Raadsbericht 25: gebouwd met de muis',
  );
  await expect(page.locator('[data-zone="extras"] [data-block]').first()).toContainText(
    'Tekstblok',
  );
  await expectAccessible(page);
});

test('undo and redo, with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async ({ page }) => {
  await signIn(page, 'redactie@kopij.test');
  await newIssue(page);
  const forum = page.locator('[data-zone="extras"] [data-block]', { hasText: 'Tekstblok' });
  await expect(forum).toHaveCount(1);
  await page.getByRole('button', { name: /^Verwijder Blok Raadsforum/ }).click();
  await expect(forum).toHaveCount(0);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(forum).toHaveCount(1);
  await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
  await expect(forum).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(forum).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(forum).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(forum).toHaveCount(1);
  await waitForSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(forum).toHaveCount(1);
});

test('two editors on one issue: the stale save gets the conflict screen and merging loses nothing', async ({
  page,
  browser,
}) => {
  await signIn(page, 'redactie@kopij.test');
  const id = await newIssue(page);

  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, 'hoofdredactie@kopij.test');
  await open(second, `/redactie/nummers/${id}`);

  // The first editor saves a change.
  await page.getByLabel('Onderwerp', { exact: true }).fill('Onderwerp van de eerste redacteur');
  await waitForSaved(page);

  // The second, still on the old version, removes a block: refused, and asked what to do.
  await second.getByRole('button', { name: /^Verwijder Blok Raadsforum/ }).click();
  const dialog = second.getByRole('alertdialog', {
    name: 'Iemand anders heeft dit nummer gewijzigd',
  });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Sanne Bakker heeft dit nummer om');
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Onderwerp gewijzigd in “Onderwerp van de eerste redacteur”',
  ]);
  await expectAccessible(second);
  expect(
    query<{ subject: string }>('select subject from issues where id = ?', id)[0]?.subject,
  ).toBe('Onderwerp van de eerste redacteur');
  expect(
    query('select id from issue_blocks where issue_id = ? and kind = ?', id, 'text'),
  ).toHaveLength(1);

  await dialog
    .getByRole('button', { name: 'Samenvoegen: mijn wijzigingen toepassen op hun versie' })
    .click();
  await waitForSaved(second);
  await expect(second.getByLabel('Onderwerp', { exact: true })).toHaveValue(
    'Onderwerp van de eerste redacteur',
  );

  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Onderwerp', { exact: true })).toHaveValue(
    'Onderwerp van de eerste redacteur',
  );
  await expect(
    page.locator('[data-zone="extras"] [data-block]', { hasText: 'Tekstblok' }),
  ).toHaveCount(0);
  await other.close();
});
