import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Download } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';
import { appDir } from './support/app';

// A demo subscriber who left earlier: the import must not bring them back.
const LEFT = 'gj.wijnen@berkelland.example';
const NEW = 'e2e.nieuw@gemeente-test.example';

/** The shared helper only reads; this test needs one write to set the scene. */
function unsubscribe(email: string) {
  const database = new Database(path.join(appDir(), 'kopij.db'));
  try {
    database
      .prepare(
        "update subscriptions set status = 'unsubscribed', unsubscribed_at = ? where subscriber_id = (select id from subscribers where email = ?)",
      )
      .run(Date.now(), email);
  } finally {
    database.close();
  }
}

const text = async (download: Download) => fs.readFileSync((await download.path())!, 'utf8');

test('an editor filters the list, opens a subscriber, imports a CSV after a preview, exports, and erases', async ({
  page,
}) => {
  // One story across six pages, each checked with axe: longer than the default 30 s on two busy cores.
  test.setTimeout(90_000);
  unsubscribe(LEFT);
  await signIn(page, 'redactie@kopij.test');
  await page.getByRole('link', { name: 'Abonnees' }).click();
  await expect(page.getByRole('heading', { name: 'Abonnees', level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ abonnees$/)).toBeVisible();
  await expectAccessible(page);

  // Filters: a group and a theme together, then a search term.
  const filters = page.getByRole('search', { name: 'Abonnees filteren' });
  await filters.getByLabel('Functie').selectOption('griffier');
  await filters.getByLabel('Thema').selectOption({ label: 'Over de vereniging' });
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/functie=griffier/);
  await expect(page.getByRole('link', { name: 'j.meijer@gemeente-assen.example' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'p.kok@griffie-hoorn.example' })).toHaveCount(0);
  await filters.getByLabel('Zoeken op naam of e-mailadres').fill('jansen');
  await filters.getByLabel('Functie').selectOption('');
  await filters.getByLabel('Thema').selectOption('');
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByText('1 abonnee', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Detail and the art. 15 export.
  await page.getByRole('link', { name: 'm.jansen@raad-amersfoort.example' }).click();
  await expect(page.getByRole('heading', { name: 'Marieke Jansen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Aanmelding bevestigd' })).toBeVisible();
  await expectAccessible(page);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Gegevens exporteren (JSON)' }).click(),
  ]);
  const data = JSON.parse(await text(json)) as {
    subscriber: { email: string };
    consentEvents: { kind: string }[];
  };
  expect(data.subscriber.email).toBe('m.jansen@raad-amersfoort.example');
  expect(data.consentEvents.map((e) => e.kind)).toContain('confirmed');

  // Import: preview first, nothing changes until the button.
  await open(page, '/redactie/abonnees/importeren');
  await expectAccessible(page);
  const csv = [
    'email;naam;gemeente;functie;themas',
    `${NEW};Nieuwe Abonnee;Teststad;Griffier;bestuur|Financiën`,
    'm.jansen@raad-amersfoort.example;Marieke Jansen-de Boer;;;',
    'geen-adres;Fout;;;',
    `${LEFT};Gert-Jan;;;`,
    `${NEW.toUpperCase()};Dubbel;;;`,
  ].join('\r\n');
  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'lijst.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${csv}`),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { name: 'Voorbeeld van lijst.csv' })).toBeVisible();
  await hydrated(page);
  for (const [key, n] of [
    ['nieuw', 1],
    ['bijgewerkt', 1],
    ['ongeldig', 1],
    ['dubbel', 1],
    ['afgemeld', 1],
  ] as const) {
    await expect(page.getByTestId(`aantal-${key}`)).toHaveText(String(n));
  }
  await expect(
    page.getByRole('cell', {
      name: 'Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Staat al op regel 2.' })).toBeVisible();
  await expectAccessible(page);
  expect(query('select id from subscribers where email = ?', NEW)).toEqual([]);

  await page.getByRole('button', { name: 'Importeren: 1 nieuw, 1 bijgewerkt' }).click();
  await expect(
    page.getByText(
      'Import voltooid: 1 nieuw, 1 bijgewerkt, 3 overgeslagen. Er is geen e-mail verstuurd.',
    ),
  ).toBeVisible();
  const [added] = query<{ id: number; name: string; audience: string }>(
    'select id, name, audience from subscribers where email = ?',
    NEW,
  );
  expect(added).toMatchObject({ name: 'Nieuwe Abonnee', audience: 'griffier' });
  expect(
    query<{ status: string }>(
      'select status from subscriptions where subscriber_id = ?',
      added!.id,
    ),
  ).toEqual([{ status: 'active' }]);
  expect(
    query<{ kind: string; source: string }>(
      'select kind, source from consent_events where subscriber_id = ?',
      added!.id,
    ),
  ).toEqual([{ kind: 'imported', source: 'csv-import' }]);
  expect(
    query<{ status: string }>(
      'select sub.status from subscriptions sub join subscribers s on s.id = sub.subscriber_id where s.email = ?',
      LEFT,
    ),
  ).toEqual([{ status: 'unsubscribed' }]);
  expect(
    query<{ summary: string }>(
      "select summary from audit_log where action = 'subscribers.imported'",
    ),
  ).toEqual([
    { summary: 'CSV-import: 1 nieuw, 1 bijgewerkt, 1 ongeldig, 1 dubbel, 1 eerder afgemeld' },
  ]);

  // CSV export of the current filter.
  await open(page, '/redactie/abonnees?q=gemeente-test');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporteren (CSV)' }).click(),
  ]);
  const exported = await text(file);
  expect(exported.startsWith('\ufeffemail;naam;gemeente;functie;themas;status;aangemeld\r\n')).toBe(
    true,
  );
  expect(exported).toContain(`${NEW};Nieuwe Abonnee;Teststad;griffier;bestuur|financien;active;`);
  expect(exported.trim().split('\r\n')).toHaveLength(2);

  // Erase (art. 17): the confirmation box is required, then the person is gone but the row stays.
  await page.getByRole('link', { name: NEW }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe Abonnee' })).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Abonnee wissen' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Vink aan dat u begrijpt dat wissen niet ongedaan kan worden.' }),
  ).toBeVisible();
  expect(query('select id from subscribers where email = ?', NEW)).toHaveLength(1);
  await page.getByLabel('Ik begrijp dat wissen niet ongedaan kan worden.').check();
  await page.getByRole('button', { name: 'Abonnee wissen' }).click();
  await expect(page.getByRole('heading', { name: `Gewiste abonnee #${added!.id}` })).toBeVisible();
  await expect(page.getByText('De abonnee is gewist.')).toBeVisible();
  await expectAccessible(page);
  expect(query('select email, name, status from subscribers where id = ?', added!.id)).toEqual([
    { email: null, name: null, status: 'erased' },
  ]);
  const [erasure] = query<{ summary: string; details: string | null }>(
    "select summary, details from audit_log where action = 'subscriber.erased'",
  );
  expect(erasure!.summary).toBe(`Abonnee #${added!.id} gewist (AVG art. 17)`);
  expect(JSON.stringify(erasure)).not.toContain('gemeente-test');
});

test('a redacteur sees the list but cannot import, export or erase', async ({ page }) => {
  await signIn(page, 'redacteur@kopij.test');
  await open(page, '/redactie/abonnees');
  await expect(page.getByRole('link', { name: 'Importeren' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Exporteren (CSV)' })).toHaveCount(0);
  expect((await page.goto('/redactie/abonnees/importeren'))?.status()).toBe(403);
  expect((await page.request.get('/redactie/abonnees/exporteren')).status()).toBe(403);
  const upload = await page.request.post('/redactie/abonnees/importeren/uploaden', {
    multipart: {
      nieuwsbrief: '1',
      bestand: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('email\na@b.nl') },
    },
  });
  expect(upload.status()).toBe(403);
  const foreign = await page.request.post('/redactie/abonnees/importeren/uploaden', {
    headers: { origin: 'https://kwaad.example' },
    multipart: {
      nieuwsbrief: '1',
      bestand: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('email\na@b.nl') },
    },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe('Dit formulier komt niet van deze site.');
  await open(page, '/redactie/abonnees/1');
  await expect(page.getByRole('button', { name: 'Abonnee wissen' })).toHaveCount(0);
  // The art. 15 export asks hoofdredacteur too: no button, and the address itself refuses (logged).
  await expect(page.getByRole('link', { name: 'Gegevens exporteren (JSON)' })).toHaveCount(0);
  const denied = () => query('select id from audit_log where action = ?', 'access.denied').length;
  const before = denied();
  const personal = await page.request.get('/redactie/abonnees/1/gegevens');
  expect(personal.status()).toBe(403);
  expect(await personal.text()).toBe(
    'U heeft geen rechten om gegevens van abonnees te exporteren.',
  );
  expect(denied()).toBe(before + 1);
});
