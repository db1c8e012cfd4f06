import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/test';
import { appDir } from './support/app';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { open, signIn } from './support/session';

// The demo newsletter's system mails edited on the admin screen. Other specs on this worker's
// app (subscribe.spec.ts) read the default confirmation afterwards: whatever happens here, the
// newsletter ends on its default texts with the welcome switched on.

const newsletter = () =>
  query<{ id: number; mail_texts: string; welcome_mail: number }>(
    "select id, mail_texts, welcome_mail from newsletters where name = 'Raadsbericht'",
  )[0]!;

/** The shared helper only reads; a failed run must still leave the defaults behind. */
function restoreDefaults(id: number) {
  const database = new Database(path.join(appDir(), 'kopij.db'));
  try {
    database
      .prepare("update newsletters set mail_texts = '{}', welcome_mail = 1 where id = ?")
      .run(id);
  } finally {
    database.close();
  }
}

const sentence = 'Wij sturen u hooguit één nummer per maand.';

test('an admin edits the confirmation mail: a text without its link is refused, the edit reaches a new reader, the welcome follows', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { id } = newsletter();
  try {
    await signIn(page, 'redactie@kopij.test');
    await open(page, `/redactie/nieuwsbrieven/${id}/mails`);
    await expect(
      page.getByRole('heading', { name: 'Systeemmails van Raadsbericht', level: 1 }),
    ).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'Bevestigingsmail bewerken' });
    const body = form.getByLabel('Tekst');
    const original = await body.inputValue();
    expect(original).toContain('{bevestigingslink}');

    // Without the link the reader could never confirm: refused in Dutch, nothing stored.
    await body.fill(original.replace('{bevestigingslink}', ''));
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByText(/De tekst moet \{bevestigingslink\} bevatten/)).toBeVisible();
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    expect(newsletter().mail_texts).toBe('{}');

    // The preview shows what is in the field, before it is saved.
    await body.fill(`${original}\n\n${sentence}`);
    await form.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = page.frameLocator('iframe[title="Voorbeeld van de bevestigingsmail"]');
    await expect(preview.getByText(sentence)).toBeVisible();
    await expect(preview.getByText('Aanmelding bevestigen')).toBeVisible();
    expect(newsletter().mail_texts).toBe('{}');
    await expectAccessible(page);

    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByRole('status')).toHaveText('De bevestigingsmail is opgeslagen.');
    expect(JSON.parse(newsletter().mail_texts).bevestiging.body).toContain(sentence);

    // A new sign-up gets the edited confirmation, from the newsletter; confirming brings the welcome.
    const email = 'tekst.lezer@gemeente-e2e.nl';
    const mark = mailboxMark(email);
    const signUp = await request.post('/aanmelden', {
      form: { email, functie: 'raadslid', themas: '1' },
      maxRedirects: 0,
    });
    expect(signUp.status()).toBe(303);
    const confirmation = await nextMail(email, mark);
    expect(confirmation.subject).toBe('Bevestig uw aanmelding voor Raadsbericht');
    expect(confirmation.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
    expect(confirmation.text).toContain(sentence);
    await open(page, firstLink(confirmation, '/aanmelden/bevestigen/'));
    await page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief ontvangen' }).click();
    await expect(page.getByRole('status')).toContainText('Uw aanmelding is bevestigd');
    const welcome = await nextMail(email, mark + 1);
    expect(welcome.subject).toBe('Welkom bij Raadsbericht');
    firstLink(welcome, '/voorkeuren/');

    // Back to the default on the screen.
    await open(page, `/redactie/nieuwsbrieven/${id}/mails`);
    const again = page.getByRole('form', { name: 'Bevestigingsmail bewerken' });
    await expect(again.getByLabel('Tekst')).toHaveValue(`${original}\n\n${sentence}`);
    await page.getByRole('button', { name: 'Standaardtekst herstellen' }).click();
    await expect(page.getByText('De bevestigingsmail heeft weer de standaardtekst.')).toBeVisible();
    await expect(again.getByLabel('Tekst')).toHaveValue(original);
    expect(newsletter().mail_texts).toBe('{}');
  } finally {
    restoreDefaults(id);
  }
});

test('a redacteur gets 403 on the system mails', async ({ page }) => {
  const { id } = newsletter();
  await signIn(page, 'redacteur@kopij.test');
  const response = await page.goto(`/redactie/nieuwsbrieven/${id}/mails`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
  await expectAccessible(page);
});
