import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
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
