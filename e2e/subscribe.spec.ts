import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { firstLink, mailboxMark, mailCount, nextMail } from './support/mailbox';
import { open } from './support/session';

type Row = { status: string };
const subscriptionStatus = (email: string) =>
  query<Row>(
    'select s.status from subscriptions s join subscribers p on p.id = s.subscriber_id where p.email = ?',
    email,
  )[0]?.status;
const themeNames = (email: string) =>
  query<{ name: string }>(
    `select t.name from subscription_themes st join themes t on t.id = st.theme_id join subscriptions s on s.id = st.subscription_id
     join subscribers p on p.id = s.subscriber_id where p.email = ? order by t.position`,
    email,
  ).map((r) => r.name);

test('sign up, confirm with the button (not the GET), change preferences, leave with one click', async ({
  page,
  request,
}) => {
  const email = 'nieuw.raadslid@gemeente-e2e.nl';
  const mark = mailboxMark(email);

  await open(page, '/aanmelden');
  await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(` Nieuw.Raadslid@Gemeente-E2E.nl `);
  await page.getByLabel('Naam').fill('Noor de Wit');
  await page.getByLabel('Functie').selectOption('griffier');
  await page.getByLabel('Financiën').uncheck();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Check uw inbox' })).toBeVisible();
  await expectAccessible(page);
  expect(subscriptionStatus(email)).toBe('pending');

  const mail = await nextMail(email, mark);
  expect(mail.subject).toBe('Bevestig uw aanmelding voor Raadsbericht');
  // About the newsletter, so from its sender and in its name, built like its copies.
  expect(mail.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
  expect(mail.html).toContain('lang="nl"');
  expect(mail.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe');
  expect(mail.text).not.toContain(email);
  const confirmLink = firstLink(mail, '/aanmelden/bevestigen/');

  // A mail scanner fetches the link: that confirms nothing.
  const scanner = await request.get(confirmLink);
  expect(scanner.status()).toBe(200);
  expect(subscriptionStatus(email)).toBe('pending');

  await open(page, confirmLink);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief ontvangen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw aanmelding is bevestigd');
  expect(subscriptionStatus(email)).toBe('active');
  expect(themeNames(email)).not.toContain('Financiën');
  // The welcome names the themes chosen and leads to the preferences.
  const welcome = await nextMail(email, mark + 1);
  expect(welcome.subject).toBe('Welkom bij Raadsbericht');
  expect(welcome.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
  expect(welcome.text).toContain('* Bestuur');
  expect(welcome.text).not.toContain('Financiën');
  firstLink(welcome, '/voorkeuren/');
  expect(
    query<{ kind: string; wording_version: string }>(
      "select kind, wording_version from consent_events e join subscribers p on p.id = e.subscriber_id where p.email = ? and kind = 'confirmed'",
      email,
    ),
  ).toEqual([{ kind: 'confirmed', wording_version: expect.stringMatching(/aanmelden/) }]);

  // Preferences: fewer themes, another group.
  await expect(page).toHaveURL(/\/voorkeuren\//);
  await expectAccessible(page);
  await page.getByLabel('Functie').selectOption('raadsadviseur');
  await page.getByLabel('Bestuur').uncheck();
  await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Uw voorkeuren zijn opgeslagen');
  expect(themeNames(email)).not.toContain('Bestuur');
  expect(
    query<{ audience: string }>('select audience from subscribers where email = ?', email)[0]!
      .audience,
  ).toBe('raadsadviseur');

  // Unticking every theme is refused beside the field, and what was typed stays.
  for (const box of await page.getByRole('group', { name: /Thema/ }).getByRole('checkbox').all())
    await box.uncheck();
  await page.getByLabel('Naam').fill('Noor de Wit-Jansen');
  await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('Kies minstens één thema');
  await expect(page.getByLabel('Naam')).toHaveValue('Noor de Wit-Jansen');
  await expectAccessible(page);

  // The unsubscribe link from the page; a mail client's RFC 8058 one-click POST to it.
  const unsubscribeUrl = new URL(
    (await page.getByRole('link', { name: /Afmelden voor/ }).getAttribute('href'))!,
    page.url(),
  ).toString();
  await open(page, unsubscribeUrl);
  await expectAccessible(page);
  const oneClick = await request.post(unsubscribeUrl, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe('U bent afgemeld.');
  expect(subscriptionStatus(email)).toBe('unsubscribed');
  const active = query<{ n: number }>(
    "select count(*) n from subscriptions s join subscribers p on p.id = s.subscriber_id where p.email = ? and s.status = 'active'",
    email,
  )[0]!.n;
  expect(active).toBe(0);

  // The page now offers to undo, which brings the same themes back.
  await open(page, unsubscribeUrl);
  await expect(page.getByRole('heading', { name: 'U bent afgemeld' })).toBeVisible();
  await page.getByRole('button', { name: /Maak het ongedaan/ }).click();
  await expect(page.getByRole('status')).toContainText('weer aangemeld');
  expect(subscriptionStatus(email)).toBe('active');
  expect(themeNames(email)).not.toContain('Bestuur');

  // The button on the page unsubscribes too.
  await open(page, unsubscribeUrl);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'U bent afgemeld' })).toBeVisible();
  expect(subscriptionStatus(email)).toBe('unsubscribed');
});

test('a known address gets the same answer as an unknown one, and its owner a mail instead of a change', async ({
  page,
}) => {
  const known = query<{ email: string; name: string }>(
    "select p.email, p.name from subscribers p join subscriptions s on s.subscriber_id = p.id where s.status = 'active' limit 1",
  )[0]!;
  const mark = mailboxMark(known.email);
  await open(page, '/aanmelden');
  await page.getByLabel('E-mailadres').fill(known.email);
  await page.getByLabel('Naam').fill('Een Ander');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Check uw inbox' })).toBeVisible();
  const mail = await nextMail(known.email, mark);
  expect(mail.subject).toMatch(/U bent al aangemeld/);
  expect(
    query<{ name: string }>('select name from subscribers where email = ?', known.email)[0]!.name,
  ).toBe(known.name);
});

test('an address change waits for confirmation from the new mailbox, then old links stop working', async ({
  page,
  request,
}) => {
  const email = 'verhuizer@gemeente-e2e.nl';
  const next = 'verhuisd@gemeente-e2e.nl';
  let mark = mailboxMark(email);
  const signUp = await request.post('/aanmelden', {
    form: { email, functie: 'raadslid', themas: '1' },
    maxRedirects: 0,
  });
  expect(signUp.status()).toBe(303);
  await open(page, firstLink(await nextMail(email, mark), '/aanmelden/bevestigen/'));
  await page.getByRole('button', { name: /Ja, ik wil/ }).click();
  await expect(page).toHaveURL(/\/voorkeuren\//);
  const oldPreferences = page.url().split('?')[0]!;

  mark = mailboxMark(next);
  await page.getByLabel('E-mailadres').fill(next);
  await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('mail gestuurd naar uw nieuwe adres');
  expect(query('select 1 from subscribers where email = ?', email)).toHaveLength(1);

  const link = firstLink(await nextMail(next, mark), '/voorkeuren/adres/');
  await open(page, link);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, gebruik dit adres' }).click();
  await expect(page.getByRole('status')).toContainText('nieuwe adres is bevestigd');
  expect(query('select 1 from subscribers where email = ?', next)).toHaveLength(1);

  // The link sent to the old address no longer works: a friendly page offers a fresh one.
  await open(page, oldPreferences);
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet meer' })).toBeVisible();
  await expectAccessible(page);
  mark = mailboxMark(next);
  await page.getByLabel('Uw e-mailadres').fill(next);
  await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
  await expect(page.getByRole('heading', { name: 'Check uw inbox' })).toBeVisible();
  await open(page, firstLink(await nextMail(next, mark), '/voorkeuren/'));
  await expect(page.getByRole('heading', { name: /Uw voorkeuren/ })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the forms still work: a mistake gets a Dutch page with a 4xx, a correct sign-up goes through', async ({
    page,
  }) => {
    await page.goto('/aanmelden');
    await page.getByLabel('E-mailadres').fill('geen-adres');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Aanmelden' }).click(),
    ]);
    expect(refused.status()).toBe(422);
    await expect(page.getByRole('heading', { name: 'Dat lukte niet' })).toBeVisible();
    await expect(page.getByText('Dit is geen geldig e-mailadres')).toBeVisible();

    const email = 'zonder.js@gemeente-e2e.nl';
    const mark = mailboxMark(email);
    await page.goto('/aanmelden');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Check uw inbox' })).toBeVisible();
    await page.goto(firstLink(await nextMail(email, mark), '/aanmelden/bevestigen/'));
    await page.getByRole('button', { name: /Ja, ik wil/ }).click();
    await expect(page.getByRole('status')).toContainText('bevestigd');
    expect(subscriptionStatus(email)).toBe('active');
  });
});

test('the page a browser without JavaScript gets for a mistake is accessible', async ({
  page,
  request,
}) => {
  const refused = await request.post('/aanmelden', {
    form: { email: 'geen-adres', functie: 'anders', themas: '1' },
  });
  expect(refused.status()).toBe(422);
  await page.setContent(await refused.text());
  await expectAccessible(page);
});

test('sign-ups for one address are limited, with a clear message, and send no more mail', async ({
  request,
}) => {
  const email = 'te.vaak@gemeente-e2e.nl';
  for (let i = 0; i < 3; i += 1)
    expect(
      (
        await request.post('/aanmelden', {
          form: { email, functie: 'anders', themas: '2' },
          maxRedirects: 0,
        })
      ).status(),
    ).toBe(303);
  await expect.poll(() => mailCount(email)).toBe(3);
  const limited = await request.post('/aanmelden', {
    form: { email, functie: 'anders', themas: '2' },
    headers: { accept: 'application/json' },
  });
  expect(limited.status()).toBe(429);
  expect((await limited.json()).message).toMatch(/probeer het over een uur opnieuw/);
  // Give a wrongly sent fourth mail time to arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(mailCount(email)).toBe(3);
});
