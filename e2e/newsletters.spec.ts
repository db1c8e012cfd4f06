import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// Specs share a worker's app: this one makes its own newsletter (slug zorgpost-beheer), never
// changes the demo newsletter, and archives its own at the end, so /aanmelden and the issue list
// look to later specs as they did before.

const SLUG = 'zorgpost-beheer';

type Row = {
  id: number;
  name: string;
  sender_name: string;
  sender_email: string;
  reply_to: string | null;
  brand_color: string;
  contact_line: string;
  footer_links: string;
  click_tracking: number;
  open_tracking: number;
  archived_at: number | null;
};
const zorgpost = () => query<Row>('select * from newsletters where slug = ?', SLUG)[0];
const demo = () => query<Row>('select * from newsletters where slug = ?', 'raadsbericht')[0]!;

async function fillNew(page: Page) {
  await page.getByLabel('Naam', { exact: true }).fill('Zorgpost');
  await page.getByLabel('Korte naam in het webadres').fill(SLUG);
  await page.getByLabel('Organisatie', { exact: true }).fill('GGD Regio Oost');
  await page.getByLabel('Beschrijving').fill('Nieuws over zorg en gezondheid in de regio.');
  await page.getByLabel('Afzendernaam').fill('Zorgpost');
  await page.getByLabel('Afzenderadres').fill('Zorgpost@GGD-Oost.example');
}

test('an admin sets up a newsletter: a light colour is refused with its ratio, a dark green is saved, then sender and footer change', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await page
    .getByRole('navigation', { name: 'Redactie' })
    .getByRole('link', { name: 'Nieuwsbrieven' })
    .click();
  await expect(page.getByRole('heading', { name: 'Nieuwsbrieven', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Nieuwe nieuwsbrief' }).first().click();
  await expect(page.getByRole('heading', { name: 'Nieuwe nieuwsbrief' })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);
  await fillNew(page);

  // Too light for white text: the hint says so while typing, and saving is refused.
  const colour = page.getByLabel('Huisstijlkleur', { exact: true });
  await colour.fill('#8bc34a');
  await expect(page.locator('#brandColor-contrast')).toContainText('Te weinig');
  await page.getByRole('button', { name: 'Nieuwsbrief aanmaken' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Controleer de gemarkeerde velden.');
  await expect(page.locator('#brandColor-error')).toHaveText(
    /^Deze kleur geeft 2,\d:1 contrast met witte tekst; kies een donkerder kleur \(minstens 4,5:1\)\.$/,
  );
  expect(zorgpost()).toBeUndefined();
  // What was typed is still there.
  await expect(page.getByLabel('Afzenderadres')).toHaveValue('Zorgpost@GGD-Oost.example');

  await colour.fill('#1b5e20');
  await expect(page.locator('#brandColor-contrast')).toContainText('Dat voldoet');
  await expect(page.getByTestId('kleurvoorbeeld')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwsbrief aanmaken' }).click();
  await expect(page).toHaveURL(/\/redactie\/nieuwsbrieven\/\d+\?aangemaakt=1$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'Zorgpost is aangemaakt.' }),
  ).toBeVisible();
  const created = zorgpost()!;
  expect(created).toMatchObject({
    name: 'Zorgpost',
    sender_email: 'zorgpost@ggd-oost.example',
    brand_color: '#1b5e20',
    archived_at: null,
  });

  // The tabs lead to the other helpers' screens for this newsletter.
  const tabs = page.getByRole('navigation', { name: 'Onderdelen van de nieuwsbrief' });
  await expect(tabs.getByRole('link', { name: 'Instellingen' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(tabs.getByRole('link', { name: "Thema's" })).toHaveAttribute(
    'href',
    `/redactie/nieuwsbrieven/${created.id}/themas`,
  );
  await expect(tabs.getByRole('link', { name: 'Blokken' })).toHaveAttribute(
    'href',
    `/redactie/blokken?nieuwsbrief=${SLUG}`,
  );
  await expectAccessible(page);

  // Sender and footer change; an unfinished footer link is pointed out first.
  await page.getByLabel('Afzendernaam').fill('GGD Zorgpost');
  await page.getByLabel('Antwoordadres (Reply-To)').fill('redactie@ggd-oost.example');
  await page.getByLabel('Contactregel').fill('Vragen? Mail redactie@ggd-oost.example.');
  await page.getByLabel('Linktekst 1').fill('Contact');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.locator('#footerLinkUrl-0-error')).toContainText('Vul een volledig webadres');
  expect(zorgpost()!.sender_name).toBe('Zorgpost');
  await page.getByLabel('Webadres 1').fill('https://ggd-oost.example/contact');
  // Clicks are counted unless the admin says otherwise; opens only if they say so.
  await expect(page.getByLabel('Openingen tellen')).not.toBeChecked();
  await expect(page.getByLabel('Klikken tellen')).toBeChecked();
  await page.getByLabel('Klikken tellen').uncheck();
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De instellingen van Zorgpost zijn opgeslagen.' }),
  ).toBeVisible();
  expect(zorgpost()).toMatchObject({
    sender_name: 'GGD Zorgpost',
    reply_to: 'redactie@ggd-oost.example',
    contact_line: 'Vragen? Mail redactie@ggd-oost.example.',
    click_tracking: 0,
    open_tracking: 0,
  });
  expect(JSON.parse(zorgpost()!.footer_links)).toEqual([
    { label: 'Contact', url: 'https://ggd-oost.example/contact' },
  ]);

  // In the list, active; the issue list offers a new issue of it.
  await open(page, '/redactie/nieuwsbrieven');
  const row = page.getByRole('row', { name: /Zorgpost/ });
  await expect(row).toContainText('Actief');
  await expect(row).toContainText('GGD Regio Oost');
  await open(page, '/redactie/nummers');
  await expect(page.getByRole('button', { name: 'Nieuw nummer van Zorgpost' })).toBeVisible();

  // Archived: kept, but no new issue can be started from the issue list.
  await open(page, `/redactie/nieuwsbrieven/${created.id}`);
  await expect(page.getByLabel('Klikken tellen')).not.toBeChecked();
  await page.getByText('Zorgpost archiveren...').click();
  await page.getByRole('button', { name: 'Ja, archiveer Zorgpost' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Zorgpost is gearchiveerd' }),
  ).toBeVisible();
  expect(zorgpost()!.archived_at).not.toBeNull();
  await open(page, '/redactie/nieuwsbrieven');
  await expect(page.getByRole('row', { name: /Zorgpost/ })).toContainText('Gearchiveerd');
  await open(page, '/redactie/nummers');
  await expect(page.getByRole('heading', { name: /Zorgpost/ })).toContainText('gearchiveerd');
  await expect(page.getByRole('button', { name: 'Nieuw nummer van Zorgpost' })).toHaveCount(0);
});

/** Submits the demo newsletter's settings once, blocked on the way, and keeps the raw request. */
async function captureUpdateAction(page: Page) {
  await signIn(page, 'redactie@kopij.test');
  const id = demo().id;
  await open(page, `/redactie/nieuwsbrieven/${id}`);
  const captured = page.waitForRequest(
    (r) => r.method() === 'POST' && !!r.headers()['next-action'],
  );
  await page.getByLabel('Afzendernaam').fill('Vervalst');
  // Block the real submission: the demo newsletter must stay as it is for other specs.
  await page.route(`**/redactie/nieuwsbrieven/${id}`, (route) => route.abort());
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  // The route stays blocked: unblocked, the page may send the aborted form again.
  const request = await captured;
  const headers = request.headers();
  return {
    url: request.url(),
    headers: {
      'next-action': headers['next-action']!,
      'content-type': headers['content-type']!,
      accept: 'text/x-component',
    },
    body: request.postDataBuffer()!,
  };
}

test('a redacteur gets 403 on the newsletter screens; a forged settings change by a redacteur or hoofdredacteur is refused and logged', async ({
  page,
  browser,
}) => {
  const before = demo();
  const action = await captureUpdateAction(page);
  expect(demo()).toEqual(before);

  for (const [email, label] of [
    ['redacteur@kopij.test', 'Fatima El Idrissi (redacteur@kopij.test)'],
    ['hoofdredactie@kopij.test', 'Pieter Jansen (hoofdredactie@kopij.test)'],
  ] as const) {
    const context = await browser.newContext();
    const editor = await context.newPage();
    await signIn(editor, email);
    await expect(editor.getByRole('link', { name: 'Nieuwsbrieven' })).toHaveCount(0);
    for (const path of [
      '/redactie/nieuwsbrieven',
      '/redactie/nieuwsbrieven/nieuw',
      `/redactie/nieuwsbrieven/${before.id}`,
    ])
      expect((await editor.goto(path))?.status(), path).toBe(403);
    await expect(editor.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
    await expectAccessible(editor);

    const count = () => query('select id from audit_log where action = ?', 'access.denied').length;
    const denialsBefore = count();
    const replay = await context.request.post(action.url, {
      headers: action.headers,
      data: action.body,
    });
    expect(await replay.text()).toContain('U heeft geen rechten voor deze actie.');
    expect(demo()).toEqual(before);
    const denials = query<{ actor_label: string; entity_id: string }>(
      'select actor_label, entity_id from audit_log where action = ? order by id',
      'access.denied',
    );
    expect(denials).toHaveLength(denialsBefore + 1);
    expect(denials.at(-1)).toEqual({ actor_label: label, entity_id: 'nieuwsbrief wijzigen' });
    await context.close();
  }
});
