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

  // The redacteur writes (other specs may have edited this draft as someone else).
  await author.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 24: klaar voor review');
  await expect(author.getByText(/Opgeslagen om/)).toBeVisible();
  await open(author, `/redactie/nummers/${DRAFT}`);

  let chiefMark = mailboxMark('hoofdredactie@kopij.test');
  await panel.getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(panel.getByRole('status')).toContainText('ter review');
  expect(status()).toBe('review');
  expect((await nextMail('hoofdredactie@kopij.test', chiefMark)).subject).toBe('Raadsbericht 24 wacht op uw review');

  const chief = await as(browser, 'hoofdredactie@kopij.test');
  const chiefPanel = chief.getByRole('region', { name: 'Redactieproces' });
  await expectAccessible(chief);
  await expect(chief.getByRole('region', { name: 'Wijzigingen sinds de vorige review' })).toContainText('eerste review');
  await open(chief, '/redactie');
  await expect(chief.getByRole('region', { name: 'Wat op u wacht' })).toContainText('Review: Raadsbericht 24');
  await expectAccessible(chief);
  await open(chief, `/redactie/nummers/${DRAFT}`);
  // A remark on one block, before sending it back.
  const comments = chief.getByRole('region', { name: 'Opmerkingen' });
  await comments.getByLabel('Over').selectOption({ index: 1 });
  await comments.getByLabel('Opmerking', { exact: true }).fill('Dit openingsitem mag een zin korter.');
  await comments.getByRole('button', { name: 'Opmerking plaatsen' }).click();
  await expect(comments.getByRole('listitem')).toContainText(['Dit openingsitem mag een zin korter.']);
  await expect(comments.getByRole('listitem').first()).toContainText('Pieter Jansen');
  const authorMark = mailboxMark('redacteur@kopij.test');
  await chiefPanel.getByLabel('Toelichting voor de redacteur').fill('Maak het onderwerp korter, graag.');
  await chiefPanel.getByRole('button', { name: 'Terugsturen naar concept' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('concept');
  expect(status()).toBe('concept');
  const sentBack = await nextMail('redacteur@kopij.test', authorMark);
  expect(sentBack.subject).toBe('Raadsbericht 24 is teruggestuurd');
  expect(sentBack.text).toContain('Maak het onderwerp korter, graag.');

  // The author reads the remark, changes the content and offers it again.
  await open(author, `/redactie/nummers/${DRAFT}`);
  await expect(author.getByRole('region', { name: 'Opmerkingen' })).toContainText('Dit openingsitem mag een zin korter.');
  await author.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 24: korter');
  await expect(author.getByText(/Opgeslagen om/)).toBeVisible();
  chiefMark = mailboxMark('hoofdredactie@kopij.test');
  await open(author, `/redactie/nummers/${DRAFT}`);
  await author.getByRole('region', { name: 'Redactieproces' }).getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(author.getByRole('region', { name: 'Redactieproces' }).getByRole('status')).toContainText('ter review');
  await nextMail('hoofdredactie@kopij.test', chiefMark);

  await open(chief, `/redactie/nummers/${DRAFT}`);
  // The reviewer sees what changed since sending it back.
  await expect(chief.getByRole('region', { name: 'Wijzigingen sinds de vorige review' })).toContainText('Onderwerp gewijzigd in “Raadsbericht 24: korter”');
  // Keep the raw approve request, to replay it later as the redacteur.
  const captured = chief.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action'] && /step"\s+approve\b/.test(r.postData() ?? ''));
  await chiefPanel.getByRole('button', { name: 'Goedkeuren' }).click();
  const approveRequest = await captured;
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
  await open(chief, '/redactie');
  await expect(chief.getByRole('region', { name: 'Volgende verzending' })).toContainText('Raadsbericht 24');
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await expectAccessible(chief);
  await chiefPanel.getByRole('button', { name: 'Uit de planning halen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('goedgekeurd');

  // A forged request: the redacteur sends the approve action directly.
  await author.context().request.post(approveRequest.url(), {
    headers: { 'next-action': approveRequest.headers()['next-action']!, 'content-type': approveRequest.headers()['content-type']!, accept: 'text/x-component' },
    data: approveRequest.postDataBuffer()!,
  }).then(async (response) => expect(await response.text()).toContain('U heeft geen rechten voor deze actie.'));
  const denied = query<{ actor_label: string; entity_id: string }>("select actor_label, entity_id from audit_log where action = 'access.denied' order by id desc limit 1")[0]!;
  expect(denied).toEqual({ actor_label: 'Fatima El Idrissi (redacteur@kopij.test)', entity_id: 'nummer goedkeuren' });

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

test('an admin reads the audit log, filtered; a redacteur may not', async ({ page, browser }) => {
  await signIn(page, 'redactie@kopij.test');
  await open(page, '/redactie/logboek');
  await expectAccessible(page);
  await page.getByLabel('Soort').selectOption('nummers');
  await page.getByLabel('Door').selectOption({ label: 'Pieter Jansen' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/soort=nummers/);
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('Pieter Jansen');
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-audit-action')))) expect(action).toMatch(/^issue\./);
  await expect(page.getByText('keurde goed Raadsbericht 24')).toBeVisible();

  const context = await browser.newContext();
  const redacteur = await context.newPage();
  await signIn(redacteur, 'redacteur@kopij.test');
  await expect(redacteur.getByRole('link', { name: 'Logboek' })).toHaveCount(0);
  expect((await redacteur.goto('/redactie/logboek'))?.status()).toBe(403);
  await context.close();
});
