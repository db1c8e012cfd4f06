import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { newIssue } from './support/builder';
import { query } from './support/db';
import { hydrated, signIn } from './support/session';

test('an editor creates an event item with inline validation, then finds it with search and filters', async ({
  page,
}) => {
  await signIn(page, 'redacteur@kopij.test');
  await page.getByRole('link', { name: 'Items' }).click();
  await expect(page.getByRole('heading', { name: 'Items' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Nieuw item' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuw item' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Soort').selectOption('event');
  const title = page.getByLabel('Titel');
  await title.fill('');
  await title.blur();
  await expect(page.getByText('Vul een titel in.')).toBeVisible();
  await title.fill('Webinar <b>vet</b>');
  await title.blur();
  await expect(page.getByText('De titel mag geen HTML bevatten.')).toBeVisible();
  await title.fill('Webinar: de raad en de omgevingsvisie');
  await page.getByLabel('Link (Lees meer)').fill('ftp://oud.example');
  await page.getByLabel('Link (Lees meer)').blur();
  await expect(
    page.getByText('Vul een volledig webadres in dat begint met https://').first(),
  ).toBeVisible();
  await page.getByLabel('Link (Lees meer)').fill('https://www.vsg.example/webinar-omgevingsvisie');
  await page.getByLabel('Thema').selectOption({ label: 'Bestuur' });
  await page.getByRole('button', { name: 'Item opslaan' }).click();
  // The server checks the same rules: an event needs a date and a place or "online".
  await expect(page.getByText('Een evenement heeft een datum nodig.')).toBeVisible();
  await expect(page.getByText('Vul een plaats in of kies "online".')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Datum').fill('2027-03-09');
  await page.getByLabel('Begintijd').fill('15:00');
  await page.getByLabel('Eindtijd').fill('16:30');
  await page.getByLabel('Online (of ook online te volgen)').check();
  await page.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(page.getByText('Het item is opgeslagen.')).toBeVisible();

  const card = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: 'Webinar: de raad en de omgevingsvisie' });
  await expect(card).toContainText('dinsdag 9 maart 2027, 15:00-16:30, online');
  await expect(card).toContainText('Nog niet geplaatst');

  await page.getByLabel('Zoeken in titel en teaser').fill('omgevingsvisie');
  await page.getByLabel('Soort').selectOption('event');
  await page.getByLabel('Geplaatst').selectOption('nee');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Thema').selectOption({ label: 'Financiën' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByText('Geen items gevonden')).toBeVisible();
  await expectAccessible(page);

  // Edit it: the form opens with what was saved, and the change shows in the list.
  await page.getByLabel('Thema').selectOption('');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.getByRole('link', { name: 'Webinar: de raad en de omgevingsvisie' }).click();
  await expect(page.getByRole('heading', { name: 'Item bewerken' })).toBeVisible();
  await hydrated(page);
  await expect(page.getByLabel('Soort')).toHaveValue('event');
  await expect(page.getByLabel('Datum')).toHaveValue('2027-03-09');
  await page.getByLabel('Titel').fill('Webinar: de raad en de nieuwe omgevingsvisie');
  await page.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(page.getByText('Het item is opgeslagen.')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Webinar: de raad en de nieuwe omgevingsvisie' }),
  ).toBeVisible();
});

test('the builder’s library filters on the server, writes an item in a side panel and edits a placed item in place', async ({
  page,
}) => {
  // Three columns, so the preview stands beside the issue.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, 'redacteur@kopij.test');
  const issueId = await newIssue(page);
  const library = page.getByRole('complementary', { name: 'Bibliotheek' });
  const rows = library.locator('[data-library^="lib:"]');
  const offered = (where = '') =>
    query<{ n: number }>(
      `select count(*) n from items i join themes t on t.id = i.theme_id
        where i.archived_at is null and t.archived_at is null ${where}
          and i.newsletter_id = (select newsletter_id from issues where id = ?)`,
      issueId,
    )[0]!.n;

  // A theme: counted over every item on the server, and announced once.
  const total = offered();
  const financien = offered("and t.name = 'Financiën'");
  await library.getByLabel('Thema').selectOption({ label: 'Financiën' });
  await expect(library.locator('[data-library-count]')).toHaveText(
    `${financien} van ${total} items`,
  );
  await expect(library.locator('[data-library-announcement]')).toHaveText(
    `${financien} van ${total} items`,
  );
  const handle = await rows
    .first()
    .getByRole('button', { name: /^Sleep / })
    .getAttribute('aria-label');
  const first = handle!.replace(/^Sleep (.*) naar het nummer$/, '$1');
  await rows
    .first()
    .getByRole('button', { name: /^Toevoegen aan Financiën/ })
    .click();
  await library.getByLabel('Status').selectOption({ label: 'Nog niet geplaatst' });
  await expect(library.locator('[data-library-count]')).toHaveText(
    `${financien - 1} van ${total} items`,
  );
  await expect(rows.filter({ hasText: first })).toHaveCount(0);

  // The side panel: a dialog that Escape closes, giving focus back; then a new item.
  const opener = library.getByRole('button', { name: 'Nieuw item' });
  await opener.click();
  const panel = page.getByRole('dialog', { name: 'Nieuw item' });
  await expect(panel.getByLabel('Titel')).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  const title = `Decentralisatie-uitkering ${Date.now()}`;
  await panel.getByLabel('Thema').selectOption({ label: 'Financiën' });
  await panel.getByLabel('Titel').fill(title);
  await panel.getByRole('textbox', { name: 'Teaser' }).fill('Wat de nieuwe uitkering betekent.');
  await panel.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(panel).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(rows.first()).toContainText(title);

  // Placed, then its title edited in place: the block and the preview follow.
  await rows
    .first()
    .getByRole('button', { name: /^Toevoegen aan Financiën/ })
    .click();
  await page.getByRole('button', { name: `Tekst bewerken van Item ${title}` }).click();
  const edit = page.getByRole('dialog', { name: 'Tekst bewerken' });
  await expect(edit.getByLabel('Titel')).toHaveValue(title);
  const better = `${title}: wat verandert er`;
  await edit.getByLabel('Titel').fill(better);
  await edit.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(edit).toBeHidden();
  await expect(
    page.locator('[data-zone="section:3"] [data-title]', { hasText: better }),
  ).toHaveCount(1);
  await expect(page.locator('iframe[data-preview-frame="desktop"]')).toHaveAttribute(
    'srcdoc',
    new RegExp(better),
  );
});
