import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { mailboxMark, nextMail } from './support/mailbox';
import { open, signIn } from './support/session';

// Runs on the demo draft (24); the last step takes it out of the planning again.
const DRAFT = 4;
test.use({ viewport: { width: 1400, height: 1600 } });

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await open(page, `/redactie/nummers/${DRAFT}`);
  return page;
}

const status = () => query<{ status: string }>('select status from issues where id = ?', DRAFT)[0]!.status;

test('review, send back with a note, change, approve and schedule, each step in the audit log with names', async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await as(browser, 'redacteur@kopij.test');
  const panel = author.getByRole('region', { name: 'Redactieproces' });
  await expect(panel.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
  await expectAccessible(author);

  let chiefMark = mailboxMark('hoofdredactie@kopij.test');
  await panel.getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(panel.getByRole('status')).toContainText('ter review');
  expect(status()).toBe('review');
  expect((await nextMail('hoofdredactie@kopij.test', chiefMark)).subject).toBe('Raadsbericht 24 wacht op uw review');

  const chief = await as(browser, 'hoofdredactie@kopij.test');
  const chiefPanel = chief.getByRole('region', { name: 'Redactieproces' });
  await expectAccessible(chief);
  const authorMark = mailboxMark('redacteur@kopij.test');
  await chiefPanel.getByLabel('Toelichting voor de redacteur').fill('Maak het onderwerp korter, graag.');
  await chiefPanel.getByRole('button', { name: 'Terugsturen naar concept' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('concept');
  expect(status()).toBe('concept');
  const sentBack = await nextMail('redacteur@kopij.test', authorMark);
  expect(sentBack.subject).toBe('Raadsbericht 24 is teruggestuurd');
  expect(sentBack.text).toContain('Maak het onderwerp korter, graag.');

  // The author changes the content and offers it again.
  await open(author, `/redactie/nummers/${DRAFT}`);
  await author.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 24: korter');
  await expect(author.getByText(/Opgeslagen om/)).toBeVisible();
  chiefMark = mailboxMark('hoofdredactie@kopij.test');
  await open(author, `/redactie/nummers/${DRAFT}`);
  await author.getByRole('region', { name: 'Redactieproces' }).getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(author.getByRole('region', { name: 'Redactieproces' }).getByRole('status')).toContainText('ter review');
  await nextMail('hoofdredactie@kopij.test', chiefMark);

  await open(chief, `/redactie/nummers/${DRAFT}`);
  await chiefPanel.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('goedgekeurd');
  expect(status()).toBe('approved');

  // Scheduled a minute ahead, in Dutch time.
  await open(chief, `/redactie/nummers/${DRAFT}`);
  const inTwoMinutes = await chief.evaluate(() => {
    const d = new Date(Date.now() + 120_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  });
  await chiefPanel.getByLabel('Verzenden op (Nederlandse tijd)').fill(inTwoMinutes);
  await chiefPanel.getByRole('button', { name: 'Inplannen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('ingepland');
  expect(status()).toBe('scheduled');
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await expect(chiefPanel).toContainText('Ingepland voor');
  await expectAccessible(chief);
  await chiefPanel.getByRole('button', { name: 'Uit de planning halen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('goedgekeurd');

  const log = query<{ action: string; actor_label: string }>("select action, actor_label from audit_log where action like 'issue.%' and entity_id = ? order by id", String(DRAFT));
  expect(log.map((l) => `${l.action} ${l.actor_label}`)).toEqual([
    'issue.requestReview Fatima El Idrissi (redacteur@kopij.test)',
    'issue.sendBack Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.requestReview Fatima El Idrissi (redacteur@kopij.test)',
    'issue.approve Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.schedule Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.unschedule Pieter Jansen (hoofdredactie@kopij.test)',
  ]);
});
