import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { firstLink, mailCount, mailboxMark, nextMail } from './support/mailbox';
import { signIn } from './support/session';

const admin = 'redactie@kopij.test';

test('the home page introduces Kopij and leads to sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Nieuwsbrieven voor de publieke sector',
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Inloggen voor de redactie' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
});

test('an editor signs in with a link read from the SMTP server, and out again', async ({
  page,
}) => {
  await signIn(page, admin, { checkA11y: true });
  await expect(page.getByRole('heading', { name: 'Welkom, Sanne Bakker' })).toBeVisible();
  await expect(page.getByRole('row', { name: /24 .*Concept/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await page.goto('/redactie');
  await expect(page).toHaveURL(/\/inloggen\?callbackUrl=%2Fredactie/);
});

test('the sign-in mail is Dutch, text and HTML, and names its validity', async ({ page }) => {
  const mark = mailboxMark(admin);
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill('  Redactie@Kopij.TEST ');
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
  const mail = await nextMail(admin, mark);
  expect(mail.subject).toBe('Uw inloglink voor Kopij');
  expect(mail.text).toContain('60 minuten geldig');
  expect(mail.html).toContain('lang="nl"');
  expect(firstLink(mail, '/inloggen/bevestigen')).toMatch(
    /^http:\/\/localhost:\d+\/inloggen\/bevestigen\?token=[a-f0-9]+&email=redactie%40kopij\.test/,
  );
});

test('an unknown address gets the same answer as a known one, and no mail', async ({ page }) => {
  const answerFor = async (email: string) => {
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await expect(page.getByRole('heading', { name: 'Controleer uw inbox' })).toBeVisible();
    return { url: page.url(), text: await page.locator('main').innerText() };
  };
  const stranger = 'onbekend@gemeente.example';
  const mark = mailboxMark(admin);
  const unknownAnswer = await answerFor(stranger);
  const knownAnswer = await answerFor(admin);
  expect(unknownAnswer).toEqual(knownAnswer);
  // The known address's mail arriving proves the pipeline ran; the stranger still has nothing.
  await nextMail(admin, mark);
  expect(mailCount(stranger)).toBe(0);
});

test('a bad address gets a Dutch message next to the field', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  const field = page.getByLabel('E-mailadres');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.'),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a mail scanner opening the link signs nobody in, and the link works only once', async ({
  page,
  browser,
  request,
}) => {
  const mark = mailboxMark(admin);
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(admin);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  const link = firstLink(await nextMail(admin, mark), '/inloggen/bevestigen');

  // The scanner fetches the link twice without pressing anything.
  for (let i = 0; i < 2; i++) expect((await request.get(link)).status()).toBe(200);

  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom, Sanne Bakker' })).toBeVisible();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(link);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other).toHaveURL(/\/inloggen\?error=Verification/);
  await expect(other.getByRole('main').getByRole('alert')).toHaveText(
    'Deze inloglink is verlopen of al gebruikt. Vraag hieronder een nieuwe link aan.',
  );
  await expectAccessible(other);
  await otherContext.close();
});

test('after sign-in the editor lands on the page that was asked for', async ({ page }) => {
  await page.goto('/redactie/instellingen');
  await expect(page).toHaveURL(/callbackUrl=%2Fredactie%2Finstellingen/);
  const mark = mailboxMark(admin);
  await page.getByLabel('E-mailadres').fill(admin);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.goto(firstLink(await nextMail(admin, mark), '/inloggen/bevestigen'));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/redactie\/instellingen$/);
});
