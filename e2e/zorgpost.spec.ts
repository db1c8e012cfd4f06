import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { dragFromLibrary, waitForSaved } from './support/builder';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { appQuery, signInOn, startOwnApp, type OwnApp } from './support/own-app';
import { hydrated } from './support/session';

// Issue 16's proof: an organisation makes a second newsletter its own through the screens alone,
// and its issue reaches a reader who signed up on the organisation's website. An app of its own,
// so the second newsletter does not change /aanmelden or /archief for the other specs.

test.use({ viewport: { width: 1400, height: 2400 } });

let app: OwnApp;
let site: http.Server | undefined;
test.beforeAll(async () => {
  app = await startOwnApp();
});
test.afterAll(async () => {
  site?.close();
  await app?.stop();
});

const sql = <T>(statement: string, ...params: unknown[]) => appQuery<T>(app, statement, ...params);

/** Everything of the demo newsletter that a second newsletter must leave alone. */
const demoState = () => ({
  newsletter: sql("select * from newsletters where slug = 'raadsbericht'"),
  themes: sql('select * from themes where newsletter_id = 1 order by id'),
  issues: sql('select * from issues where newsletter_id = 1 order by id'),
  blocks: sql(
    'select b.* from issue_blocks b join issues i on i.id = b.issue_id where i.newsletter_id = 1 order by b.id',
  ),
  subscriptions: sql('select * from subscriptions where newsletter_id = 1 order by id'),
  subscribers: sql(
    'select * from subscribers where id in (select subscriber_id from subscriptions where newsletter_id = 1) order by id',
  ),
  deliveries: sql(
    'select d.* from deliveries d join issues i on i.id = d.issue_id where i.newsletter_id = 1 order by d.id',
  ),
  reusableBlocks: sql('select * from reusable_blocks where newsletter_id = 1 order by id'),
});

const signInAdmin = (browser: Browser) => signInOn(app, browser, 'redactie@kopij.test');

async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

async function createNewsletter(page: Page): Promise<number> {
  await open(page, '/redactie/nieuwsbrieven/nieuw');
  await page.getByLabel('Naam', { exact: true }).fill('Zorgpost');
  await page.getByLabel('Korte naam in het webadres').fill('zorgpost');
  await page.getByLabel('Organisatie', { exact: true }).fill('GGD Regio Oost');
  await page.getByLabel('Beschrijving').fill('Nieuws over zorg en gezondheid in de regio.');
  await page.getByLabel('Afzendernaam').fill('GGD Zorgpost');
  await page.getByLabel('Afzenderadres').fill('zorgpost@ggd-oost.example');
  await page.getByLabel('Antwoordadres (Reply-To)').fill('redactie@ggd-oost.example');
  await page.getByLabel('Huisstijlkleur', { exact: true }).fill('#1b5e20');
  await page
    .getByLabel('Contactregel')
    .fill('Vragen over Zorgpost? Mail redactie@ggd-oost.example.');
  await page.getByLabel('Postadres').fill('Postbus 42, 7400 AA Deventer');
  await page
    .getByLabel('Waarom de lezer deze e-mail krijgt')
    .fill('U ontvangt Zorgpost omdat u zich bij de GGD Regio Oost heeft aangemeld.');
  await page.getByLabel('Linktekst 1').fill('Contact met de GGD');
  await page.getByLabel('Webadres 1').fill('https://ggd-oost.example/contact');
  await page.getByLabel('Tekst van de afmeldlink').fill('Afmelden voor Zorgpost');
  // One admin, no second pair of eyes in this organisation (yet).
  await page.getByLabel('Vier-ogenprincipe').uncheck();
  await page.getByRole('button', { name: 'Nieuwsbrief aanmaken' }).click();
  await expect(page).toHaveURL(/\/redactie\/nieuwsbrieven\/\d+\?aangemaakt=1$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

async function addThemes(page: Page, id: number, names: string[]) {
  await open(page, `/redactie/nieuwsbrieven/${id}/themas`);
  for (const name of names) {
    await page.getByLabel('Naam van het thema').fill(name);
    await page.getByRole('button', { name: 'Thema toevoegen' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: name }).first()).toBeVisible();
  }
  await expectAccessible(page);
}

async function addBlock(page: Page, kind: 'text' | 'cta', fields: Record<string, string>) {
  await open(page, '/redactie/blokken?nieuwsbrief=zorgpost');
  await page.getByRole('link', { name: 'Nieuw blok voor Zorgpost' }).click();
  await hydrated(page);
  await page.getByLabel('Soort blok').selectOption(kind);
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('In elk nieuw nummer').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Het blok is opgeslagen.')).toBeVisible();
}

async function addItem(page: Page, theme: string, title: string, teaser: string) {
  await open(page, '/redactie/items/nieuw');
  await page.getByLabel('Nieuwsbrief').selectOption({ label: 'Zorgpost' });
  await page.getByLabel('Thema').selectOption({ label: theme });
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel(/^Teaser/).fill(teaser);
  await page.getByLabel('Link (Lees meer)').fill('https://ggd-oost.example/nieuws');
  await page.getByRole('button', { name: 'Item opslaan' }).click();
  await expect(page.getByText('Het item is opgeslagen.')).toBeVisible();
}

/** The organisation's own website on another origin, serving the pasted snippet. */
async function hostSnippet(snippet: string): Promise<string> {
  site = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>GGD Regio Oost</title></head><body><main><h1>Zorgpost</h1>${snippet}</main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}/zorgpost`;
}

async function signUpThroughSnippet(browser: Browser, snippet: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const mark = mailboxMark(email, app.mailDir);
  await page.goto(await hostSnippet(snippet));
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(new RegExp(`^${app.url}/aanmelden/controleer`));
  const confirmation = await nextMail(email, mark, app.mailDir);
  expect(confirmation.from?.value[0]).toMatchObject({
    name: 'GGD Zorgpost',
    address: 'zorgpost@ggd-oost.example',
  });
  await page.goto(firstLink(confirmation, '/aanmelden/bevestigen/'));
  await page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief ontvangen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw aanmelding is bevestigd');
  await context.close();
}

test('an organisation sets up Zorgpost through the screens and sends its first issue to a reader from its own website', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const demoBefore = demoState();
  const page = await signInAdmin(browser);

  const id = await createNewsletter(page);
  await addThemes(page, id, ['Jeugd', 'Ouderen', 'Preventie']);
  await addBlock(page, 'text', {
    Naam: 'Spreekuur',
    Titel: 'Spreekuur jeugdgezondheid',
    Tekst: 'Elke woensdag van 9 tot 12 uur zonder afspraak.',
  });
  await addBlock(page, 'cta', {
    Naam: 'Vaccinatiecampagne',
    Titel: 'Griepprik voor 60-plussers',
    Tekst: 'De uitnodigingen gaan deze maand de deur uit.',
    Knoptekst: 'Bekijk de prikdagen',
    'Webadres van de knop': 'https://ggd-oost.example/griepprik',
  });

  // The reader signs up on the GGD's own website, without JavaScript.
  await open(page, `/redactie/nieuwsbrieven/${id}`);
  const snippet = await page.getByLabel('HTML-code van het aanmeldformulier').inputValue();
  expect(snippet).not.toContain('<script');
  const reader = 'jeugdarts@gemeente-oost.example';
  await signUpThroughSnippet(browser, snippet, reader);

  await addItem(
    page,
    'Jeugd',
    'Meer kinderen op tijd gevaccineerd',
    'De vaccinatiegraad onder kinderen in de regio stijgt voor het tweede jaar op rij.',
  );
  await addItem(
    page,
    'Ouderen',
    'Valpreventie: cursus voor mantelzorgers',
    'Mantelzorgers leren in twee avonden hoe zij vallen thuis kunnen voorkomen.',
  );

  // A new issue starts with Zorgpost's blocks; the items go in by dragging.
  await open(page, '/redactie/nummers');
  await page.getByRole('button', { name: 'Nieuw nummer van Zorgpost' }).click();
  await expect(page).toHaveURL(/\/redactie\/nummers\/\d+$/);
  await hydrated(page);
  const issueId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.locator('[data-zone="extras"] [data-block]')).toHaveCount(2);
  const [ouderen] = sql<{ id: number }>(
    "select id from themes where newsletter_id = ? and name = 'Ouderen'",
    id,
  );
  await page.getByLabel('Onderwerp', { exact: true }).fill('Vaccinatiegraad stijgt');
  await page.locator('#preheader').fill('En: valpreventie voor mantelzorgers.');
  await dragFromLibrary(
    page,
    'Meer kinderen op tijd gevaccineerd',
    page.locator('[data-zone="lead"]'),
  );
  // The library's own button files an item under its theme's section.
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
  await page
    .getByRole('button', {
      name: 'Toevoegen aan Ouderen : Valpreventie: cursus voor mantelzorgers',
    })
    .click();
  await expect(page.locator(`[data-zone="section:${ouderen!.id}"] [data-block]`)).toHaveCount(1);
  await waitForSaved(page);
  await expectAccessible(page);

  // One admin, four-eyes off: offered, approved and sent by the same person.
  const panel = page.getByRole('region', { name: 'Redactieproces' });
  await open(page, `/redactie/nummers/${issueId}`);
  await panel.getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(panel.getByRole('status')).toContainText('ter review');
  await open(page, `/redactie/nummers/${issueId}`);
  await panel.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(panel.getByRole('status')).toContainText('goedgekeurd');
  await open(page, `/redactie/nummers/${issueId}`);
  const mark = mailboxMark(reader, app.mailDir);
  await panel.getByRole('button', { name: 'Nu verzenden…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nummer nu verzenden?' });
  await expect(confirm).toContainText('aan 1 abonnee');
  await confirm.getByRole('button', { name: 'Ja, verzend nu' }).click();
  await expect
    .poll(
      () => sql<{ status: string }>('select status from issues where id = ?', issueId)[0]!.status,
      {
        timeout: 60_000,
      },
    )
    .toBe('sent');

  // The reader's copy is Zorgpost's: its sender, colour, footer and blocks, nothing of the demo.
  const mail = await nextMail(reader, mark, app.mailDir);
  expect(mail.subject).toBe('Vaccinatiegraad stijgt');
  expect(mail.from?.value[0]).toMatchObject({
    name: 'GGD Zorgpost',
    address: 'zorgpost@ggd-oost.example',
  });
  expect(mail.replyTo?.value[0]?.address).toBe('redactie@ggd-oost.example');
  const html = String(mail.html);
  for (const expected of [
    '#1b5e20',
    'Vragen over Zorgpost? Mail redactie@ggd-oost.example.',
    'Postbus 42, 7400 AA Deventer',
    'U ontvangt Zorgpost omdat u zich bij de GGD Regio Oost heeft aangemeld.',
    'Contact met de GGD',
    'Afmelden voor Zorgpost',
    'Spreekuur jeugdgezondheid',
    'Bekijk de prikdagen',
    'Meer kinderen op tijd gevaccineerd',
  ])
    expect(html).toContain(expected);
  for (const demo of ['Raadsbericht', 'vsg.example', '#0b3a6e', 'Raadsforum', 'Samenwerkende'])
    expect(html).not.toContain(demo);
  expect(mail.text).toContain('Contact met de GGD: https://ggd-oost.example/contact');
  expect(mail.headerLines.find((h) => h.key === 'list-id')?.line).toMatch(
    /^List-Id: Zorgpost <zorgpost\.localhost>$/,
  );

  // The archive lists both newsletters, and Zorgpost's issue under its own slug.
  await open(page, '/archief');
  await expect(page.getByRole('link', { name: /Zorgpost/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Raadsbericht/ }).first()).toBeVisible();
  await expectAccessible(page);
  const archived = await page.request.get('/archief/zorgpost/1');
  expect(archived.status()).toBe(200);
  await open(page, '/archief/zorgpost/1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vaccinatiegraad stijgt');
  await expect(page.getByRole('main')).toContainText('Valpreventie: cursus voor mantelzorgers');
  // Its footer as in the mail, without the reader's personal links.
  await expect(page.getByRole('link', { name: 'Contact met de GGD' })).toBeVisible();
  await expect(page.getByText('Postbus 42, 7400 AA Deventer')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Afmelden voor Zorgpost' })).toHaveCount(0);
  await expectAccessible(page);

  // The archive page is cached; a change of the footer in the settings reaches it at once.
  await open(page, `/redactie/nieuwsbrieven/${id}`);
  await page.getByLabel('Postadres').fill('Postbus 43, 7400 AB Deventer');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'zijn opgeslagen' })).toBeVisible();
  await open(page, '/archief/zorgpost/1');
  await expect(page.getByText('Postbus 43, 7400 AB Deventer')).toBeVisible();

  // The audit log filtered by newsletter shows Zorgpost's lines, none of the demo's.
  await open(page, '/redactie/logboek');
  await page.getByLabel('Nieuwsbrief').selectOption({ label: 'Zorgpost' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/nieuwsbrief=\d+/);
  const rows = page.locator('tbody tr');
  const actions = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-audit-action')),
  );
  expect(actions).toEqual(
    expect.arrayContaining(['newsletter.created', 'theme.added', 'issue.approve']),
  );
  await expect(rows.filter({ hasText: 'Raadsbericht' })).toHaveCount(0);

  // The demo newsletter did not notice any of it.
  expect(demoState()).toEqual(demoBefore);
});
