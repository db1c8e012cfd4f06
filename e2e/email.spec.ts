import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { open, signIn } from './support/session';

test.use({ viewport: { width: 1600, height: 1600 } });

const DRAFT = 4;

test('the preview follows every edit, in desktop, mobile, text and dark views, with its checks', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await open(page, `/redactie/nummers/${DRAFT}`);
  const frame = page.frameLocator('iframe[data-preview-frame]');
  await expect(
    frame
      .getByText(
        'Algemene ledenvergadering op dag twee van het VSG-congres: agenda en stukken online',
      )
      .first(),
  ).toBeVisible();
  await expect(page.locator('[data-preview-size]')).toContainText(
    /Grootte: \d+(,\d)? kB van 102 kB/,
  );
  await expectAccessible(page);
  // The e-mail itself, on a page of its own.
  const html = await page.locator('iframe[data-preview-frame]').getAttribute('srcdoc');
  const mailPage = await page.context().newPage();
  await mailPage.setContent(html!);
  await expectAccessible(mailPage);
  await mailPage.close();

  // This app relays to a loopback catcher with PUBLIC_URL on localhost: delivery advice is shown
  // as warnings, which do not block approval.
  await expect(page.locator('[data-check-warnings]')).toContainText('DKIM is niet ingesteld');
  await expect(page.locator('[data-check-warnings]')).toContainText(
    'PUBLIC_URL (http://localhost:',
  );

  await page.getByLabel('Onderwerp', { exact: true }).fill('');
  await expect(page.locator('[data-checks]')).toContainText('Het onderwerp ontbreekt.');
  // A test mail goes out only from the saved version: the button waits for the autosave. The
  // page's server actions (the save) are held until that waiting state has been seen: a quick
  // save would otherwise end it before the test looks.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // Stays in place after the release: it then lets every request through at once.
  await page.route(/\/redactie\/nummers\/\d+$/, async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) await held;
    await route.continue();
  });
  const testSend = page.getByRole('button', { name: 'Testmail versturen' });
  await page.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 24: voorbeeld bijgewerkt');
  await expect(testSend).toBeDisabled();
  await expect(page.locator('[data-testmail-wait]')).toContainText(
    'Een testmail verstuurt alleen de opgeslagen versie.',
  );
  release();
  await expect(page.locator('[data-save-status]')).toContainText('Opgeslagen om');
  await expect(testSend).toBeEnabled();
  await expect(page.locator('[data-testmail-wait]')).toHaveCount(0);
  await expect(page.locator('[data-checks]')).not.toContainText('Het onderwerp ontbreekt.');

  // An edit in a text block shows up in the e-mail.
  await page.getByLabel('Titel').first().fill('Raadsforum: nu met 320 deelnemers');
  await expect(
    frame.getByRole('heading', { name: 'Raadsforum: nu met 320 deelnemers' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Mobiel' }).click();
  await expect(page.locator('iframe[data-preview-frame="mobiel"]')).toHaveAttribute('width', '375');
  await page.getByRole('button', { name: 'Donker' }).click();
  await expect(page.locator('iframe[data-preview-frame="donker"]')).toHaveCSS('filter', /invert/);
  await page.getByRole('button', { name: 'Tekst', exact: true }).click();
  await expect(page.locator('[data-preview-text]')).toContainText('Lees meer: https://');
  await expect(page.locator('[data-preview-text]')).toContainText(
    'Raadsforum: nu met 320 deelnemers',
  );
  await expectAccessible(page);
});

test('a test send reaches the SMTP server as text and HTML with [TEST] before the subject', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await open(page, `/redactie/nummers/${DRAFT}`);
  await expect(page.locator('[data-preview-size]')).toBeVisible();

  await page.getByLabel('Vaste testadressen (hoogstens 10, één per regel)').fill('geen-adres');
  await page.getByRole('button', { name: 'Testadressen opslaan' }).click();
  await expect(page.getByText('Een van de adressen is geen geldig e-mailadres.')).toBeVisible();
  await page
    .getByLabel('Vaste testadressen (hoogstens 10, één per regel)')
    .fill('Griffie@Gemeente-Test.example');
  await page.getByRole('button', { name: 'Testadressen opslaan' }).click();
  await expect(page.getByText('1 testadres(sen) opgeslagen.')).toBeVisible();

  const mine = mailboxMark('redactie@kopij.test');
  const theirs = mailboxMark('griffie@gemeente-test.example');
  await page.getByRole('button', { name: 'Testmail versturen' }).click();
  await expect(
    page.getByText('Testmail verstuurd naar redactie@kopij.test, griffie@gemeente-test.example.'),
  ).toBeVisible();
  const mail = await nextMail('redactie@kopij.test', mine);
  await nextMail('griffie@gemeente-test.example', theirs);
  expect(mail.subject).toMatch(/^\[TEST\] Raadsbericht 24/);
  expect(mail.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
  expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  expect(mail.text).toContain('Lees meer: https://');
  expect(mail.html).toContain('lang="nl"');
  // Not in the archive before it is sent: "Bekijk in uw browser" leads to the editors' web
  // version, which shows the mail to a signed-in editor and asks anyone else to sign in.
  expect(mail.html).not.toContain('/archief/raadsbericht/24-');
  const browserLink = new URL(firstLink(mail, `/redactie/nummers/${DRAFT}/webversie`));
  expect(browserLink.pathname).toBe(`/redactie/nummers/${DRAFT}/webversie`);
  const web = await page.request.get(browserLink.pathname);
  expect(web.status()).toBe(200);
  expect(await web.text()).toContain('Algemene ledenvergadering op dag twee');
  const stranger = await page.context().browser()!.newContext();
  const anonymous = await stranger.request.get(new URL(browserLink.pathname, page.url()).href, {
    maxRedirects: 0,
  });
  // Sent to sign in (by the proxy before the route is reached).
  expect([303, 307]).toContain(anonymous.status());
  expect(anonymous.headers().location).toMatch(/^\/inloggen/);
  await stranger.close();
  expect(mail.html).not.toContain('kopij.invalid');
  // Built like a reader's copy: the same List-* headers, links that lead to a fresh-link page.
  const headers = mail.headerLines.map((h) => h.key);
  for (const name of ['list-id', 'list-unsubscribe', 'list-unsubscribe-post'])
    expect(headers).toContain(name);
  expect(mail.text).toMatch(/Afmelden: https?:\/\/\S+\/nieuwe-link/);
  // Counted against the hourly limit: one line in the log with the number of mails.
  const logged = query<{ details: string }>(
    "select details from audit_log where action = 'issue.testSend' order by id desc limit 1",
  )[0]!;
  expect(JSON.parse(logged.details)).toMatchObject({ recipients: 2 });
});
