import { expect, test, type Browser, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { execute, query } from './support/db';
import { firstLink, mailboxMark, mailCount, nextMail } from './support/mailbox';
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

const status = () =>
  query<{ status: string }>('select status from issues where id = ?', DRAFT)[0]!.status;

const dutchMinute = (page: Page, msFromNow: number) =>
  page.evaluate((ms) => {
    // The next whole minute at least `ms` away, as the datetime-local value in Dutch time.
    const d = new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }, msFromNow);

const audience = () =>
  query<{ n: number }>(
    `select count(*) as n from subscriptions sub join subscribers s on s.id = sub.subscriber_id
     where sub.newsletter_id = 1 and s.status = 'active' and (sub.status = 'active' or (sub.status = 'paused' and sub.paused_until <= ?))`,
    Date.now(),
  )[0]!.n;
const inFlight = () =>
  query<{ n: number }>(
    "select count(*) as n from deliveries where issue_id = ? and status = 'sending'",
    DRAFT,
  )[0]!.n;
/** When the sending worker last renewed its lease (every sixth of the lease: control-loop.ts). */
const heartbeat = () =>
  query<{ at: number }>("select heartbeat_at as at from worker_leases where name = 'sender'")[0]
    ?.at ?? 0;
const sentCount = () =>
  query<{ n: number }>(
    "select count(*) as n from deliveries where issue_id = ? and status = 'sent'",
    DRAFT,
  )[0]!.n;

test('review, send back with a note, change, approve, schedule for the next minute: sent at that time, each step in the audit log with names', async ({
  browser,
}) => {
  test.setTimeout(240_000);
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
  expect((await nextMail('hoofdredactie@kopij.test', chiefMark)).subject).toBe(
    'Raadsbericht 24 wacht op uw review',
  );
  // A change now would return the issue to concept: the builder asks first, and "Annuleren"
  // leaves the issue and its text as they were.
  const subject = author.getByLabel('Onderwerp', { exact: true });
  await subject.fill('Raadsbericht 24: toch nog iets anders');
  const reopen = author.getByRole('alertdialog', { name: 'Nummer terugzetten naar concept?' });
  await expect(reopen).toContainText('Dit nummer ligt ter beoordeling.');
  await expectAccessible(author);
  await reopen.getByRole('button', { name: 'Annuleren, niets wijzigen' }).click();
  await expect(reopen).toBeHidden();
  await expect(subject).toHaveValue('Raadsbericht 24: klaar voor review');
  await author.reload();
  await expect(subject).toHaveValue('Raadsbericht 24: klaar voor review');
  expect(status()).toBe('review');

  const chief = await as(browser, 'hoofdredactie@kopij.test');
  const chiefPanel = chief.getByRole('region', { name: 'Redactieproces' });
  await expectAccessible(chief);
  await expect(
    chief.getByRole('region', { name: 'Wijzigingen sinds de vorige review' }),
  ).toContainText('eerste review');
  await open(chief, '/redactie');
  await expect(chief.getByRole('region', { name: 'Wat op u wacht' })).toContainText(
    'Review: Raadsbericht 24',
  );
  await expectAccessible(chief);
  await open(chief, `/redactie/nummers/${DRAFT}`);
  // A remark on one block, before sending it back.
  const comments = chief.getByRole('region', { name: 'Opmerkingen' });
  await comments.getByLabel('Over').selectOption({ index: 1 });
  await comments
    .getByLabel('Opmerking', { exact: true })
    .fill('Dit openingsitem mag een zin korter.');
  await comments.getByRole('button', { name: 'Opmerking plaatsen' }).click();
  await expect(comments.getByRole('listitem')).toContainText([
    'Dit openingsitem mag een zin korter.',
  ]);
  await expect(comments.getByRole('listitem').first()).toContainText('Pieter Jansen');
  const authorMark = mailboxMark('redacteur@kopij.test');
  await chiefPanel
    .getByLabel('Toelichting voor de redacteur')
    .fill('Maak het onderwerp korter, graag.');
  await chiefPanel.getByRole('button', { name: 'Terugsturen naar concept' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('concept');
  expect(status()).toBe('concept');
  const sentBack = await nextMail('redacteur@kopij.test', authorMark);
  expect(sentBack.subject).toBe('Raadsbericht 24 is teruggestuurd');
  expect(sentBack.text).toContain('Maak het onderwerp korter, graag.');
  expect(sentBack.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
  expect(firstLink(sentBack, `/redactie/nummers/${DRAFT}`)).toMatch(/\/redactie\/nummers\/\d+$/);

  // The author reads the remark and the note (on the dashboard and the issue page, not only in
  // the mail), changes the content and offers it again.
  await open(author, '/redactie');
  await expect(author.getByRole('region', { name: 'Wat op u wacht' })).toContainText(
    'Pieter Jansen (hoofdredactie@kopij.test): “Maak het onderwerp korter, graag.”',
  );
  await open(author, `/redactie/nummers/${DRAFT}`);
  await expect(
    author.getByRole('region', { name: /^Teruggestuurd door Pieter Jansen/ }),
  ).toContainText('Maak het onderwerp korter, graag.');
  await expect(author.getByRole('region', { name: 'Opmerkingen' })).toContainText(
    'Dit openingsitem mag een zin korter.',
  );
  await author.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht 24: korter');
  await expect(author.getByText(/Opgeslagen om/)).toBeVisible();
  chiefMark = mailboxMark('hoofdredactie@kopij.test');
  await open(author, `/redactie/nummers/${DRAFT}`);
  await author
    .getByRole('region', { name: 'Redactieproces' })
    .getByRole('button', { name: 'Ter review aanbieden' })
    .click();
  await expect(
    author.getByRole('region', { name: 'Redactieproces' }).getByRole('status'),
  ).toContainText('ter review');
  await nextMail('hoofdredactie@kopij.test', chiefMark);

  await open(chief, `/redactie/nummers/${DRAFT}`);
  // The reviewer sees what changed since sending it back.
  await expect(
    chief.getByRole('region', { name: 'Wijzigingen sinds de vorige review' }),
  ).toContainText('Onderwerp gewijzigd in “Raadsbericht 24: korter”');
  // Keep the raw approve request, to replay it later as the redacteur.
  const captured = chief.waitForRequest(
    (r) =>
      r.method() === 'POST' &&
      !!r.headers()['next-action'] &&
      /step"\s+approve\b/.test(r.postData() ?? ''),
  );
  await chiefPanel.getByRole('button', { name: 'Goedkeuren' }).click();
  const approveRequest = await captured;
  await expect(chiefPanel.getByRole('status')).toContainText('goedgekeurd');
  expect(status()).toBe('approved');

  // Scheduled, in Dutch time, then taken out of the planning again.
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await chiefPanel
    .getByLabel('Verzenden op (Nederlandse tijd)')
    .fill(await dutchMinute(chief, 600_000));
  await chiefPanel.getByRole('button', { name: 'Inplannen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('ingepland');
  expect(status()).toBe('scheduled');
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await expect(chiefPanel).toContainText('Ingepland voor');
  await open(chief, '/redactie');
  await expect(chief.getByRole('region', { name: 'Volgende verzending' })).toContainText(
    'Raadsbericht 24',
  );
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await expectAccessible(chief);
  await chiefPanel.getByRole('button', { name: 'Uit de planning halen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('goedgekeurd');

  // A forged request: the redacteur sends the approve action directly.
  await author
    .context()
    .request.post(approveRequest.url(), {
      headers: {
        'next-action': approveRequest.headers()['next-action']!,
        'content-type': approveRequest.headers()['content-type']!,
        accept: 'text/x-component',
      },
      data: approveRequest.postDataBuffer()!,
    })
    .then(async (response) =>
      expect(await response.text()).toContain('U heeft geen rechten voor deze actie.'),
    );
  const denied = query<{ actor_label: string; entity_id: string }>(
    "select actor_label, entity_id from audit_log where action = 'access.denied' order by id desc limit 1",
  )[0]!;
  expect(denied).toEqual({
    actor_label: 'Fatima El Idrissi (redacteur@kopij.test)',
    entity_id: 'nummer goedkeuren',
  });

  // "Nu verzenden" first asks, naming the newsletter, the number of readers and the subject.
  await open(chief, `/redactie/nummers/${DRAFT}`);
  await chiefPanel.getByRole('button', { name: 'Nu verzenden…' }).click();
  const confirm = chief.getByRole('dialog', { name: 'Nummer nu verzenden?' });
  await expect(confirm).toContainText(`U verzendt Raadsbericht 24 nu aan ${audience()} abonnees.`);
  await expect(confirm).toContainText('Onderwerp: Raadsbericht 24: korter');
  await expectAccessible(chief);
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toHaveCount(0);
  expect(status()).toBe('approved');

  // Until it is sent, its archive URL is a 404, and Next caches that answer too: only the
  // sender's call to the app at the end of the send can make the page appear.
  const archiveUrl = `/archief/raadsbericht/${query<{ slug: string }>('select slug from issues where id = ?', DRAFT)[0]!.slug}`;
  expect((await chief.request.get(archiveUrl)).status()).toBe(404);
  const cached404 = await chief.request.get(archiveUrl);
  expect([cached404.status(), cached404.headers()['x-nextjs-cache']]).toEqual([404, 'HIT']);

  // Scheduled for the next whole minute at least 8 s away (the field takes whole minutes): the
  // worker inside the app, which looks every second, starts it at that moment and not before.
  const readers = audience();
  await chiefPanel
    .getByLabel('Verzenden op (Nederlandse tijd)')
    .fill(await dutchMinute(chief, 8_000));
  await chiefPanel.getByRole('button', { name: 'Inplannen' }).click();
  await expect(chiefPanel.getByRole('status')).toContainText('ingepland');
  const scheduledAt = query<{ scheduled_at: number }>(
    'select scheduled_at from issues where id = ?',
    DRAFT,
  )[0]!.scheduled_at;
  expect(scheduledAt).toBeGreaterThan(Date.now());
  expect(scheduledAt % 60_000).toBe(0);
  // Planned on a whole minute, up to 68 s away. The scheduler reads the moment from the
  // database every second, so the test moves it to three seconds from now there: what follows
  // checks the same (it starts at its moment, not before) without a minute of waiting.
  const due = Date.now() + 3_000;
  execute('update issues set scheduled_at = ? where id = ?', due, DRAFT);
  // The open page follows the scheduler: no reload, and the progress appears.
  await expect(chief.getByRole('region', { name: 'Bezig met verzenden' })).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(status, { timeout: 30_000, intervals: [250] }).toBe('sending');
  const started = query<{ at: number }>(
    "select at from audit_log where action = 'issue.startSend' and entity_id = ?",
    String(DRAFT),
  )[0]!.at;
  expect(started).toBeGreaterThanOrEqual(due);
  expect(started - due).toBeLessThan(5_000);

  // Live progress while it runs (SEND_RATE is low in this suite); pausing holds it.
  await open(chief, `/redactie/nummers/${DRAFT}`);
  const progress = chief.getByRole('region', { name: 'Bezig met verzenden' });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expectAccessible(chief);
  await progress.getByRole('button', { name: 'Pauzeren' }).click();
  const paused = chief.getByRole('region', { name: 'Verzending gepauzeerd' });
  await expect(paused).toBeVisible();
  // Whatever was in flight at the pause lands; then nothing more goes out.
  await expect.poll(inFlight, { timeout: 10_000 }).toBe(0);
  const atPause = sentCount();
  const settledAt = Date.now();
  // Nothing may go out while paused: wait until the worker shows it was alive a second past the
  // pause (its lease heartbeat renewed after two or more of its 500 ms polls), then count.
  await expect.poll(heartbeat, { timeout: 15_000 }).toBeGreaterThan(settledAt + 1_000);
  expect(sentCount()).toBe(atPause);
  expect(atPause).toBeLessThan(readers);
  await paused.getByRole('button', { name: 'Hervatten' }).click();
  await expect.poll(status, { timeout: 60_000 }).toBe('sent');
  const done = chief.getByRole('region', { name: 'Verzonden' });
  await expect(done).toBeVisible({ timeout: 10_000 });
  await expect(done.getByTestId('sent-count')).toHaveText(String(readers));

  // Every reader got one copy with their own unsubscribe link in the headers.
  const reader = query<{ email: string }>(
    "select s.email from deliveries d join subscribers s on s.id = d.subscriber_id where d.issue_id = ? and d.status = 'sent' limit 1",
    DRAFT,
  )[0]!.email;
  const copy = await nextMail(reader, mailCount(reader) - 1);
  expect(copy.subject).toBe('Raadsbericht 24: korter');
  expect(copy.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  );
  expect(copy.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toMatch(
    /<http:\/\/localhost:\d+\/afmelden\/[^>]+>/,
  );
  expect(
    query<{ n: number }>(
      'select count(distinct subscriber_id) as n from deliveries where issue_id = ?',
      DRAFT,
    )[0]!.n,
  ).toBe(readers);

  // Once sent, it is public in the archive.
  await expect
    .poll(async () => (await chief.request.get(archiveUrl)).status(), { timeout: 10_000 })
    .toBe(200);
  await open(chief, '/archief');
  // Its subject starts with the title already: the list says it once.
  await chief.getByRole('link', { name: 'Raadsbericht 24: korter', exact: true }).click();
  await expect(chief.getByRole('heading', { level: 1 })).toHaveText('Raadsbericht 24: korter');

  // Test mails (email.spec.ts, on this worker's app too) are logged on the issue but are no step.
  const log = query<{ action: string; actor_label: string }>(
    "select action, actor_label from audit_log where action like 'issue.%' and action != 'issue.testSend' and entity_id = ? order by id",
    String(DRAFT),
  );
  expect(log.map((l) => `${l.action} ${l.actor_label}`)).toEqual([
    'issue.requestReview Fatima El Idrissi (redacteur@kopij.test)',
    'issue.sendBack Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.requestReview Fatima El Idrissi (redacteur@kopij.test)',
    'issue.approve Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.schedule Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.unschedule Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.schedule Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.startSend Planner (ingepland door Pieter Jansen (hoofdredactie@kopij.test))',
    'issue.sendPause Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.sendResume Pieter Jansen (hoofdredactie@kopij.test)',
    'issue.sent Kopij (verzending)',
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
  for (const action of await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-audit-action')),
  ))
    expect(action).toMatch(/^issue\./);
  await expect(page.getByText('keurde goed Raadsbericht 24')).toBeVisible();

  const context = await browser.newContext();
  const redacteur = await context.newPage();
  await signIn(redacteur, 'redacteur@kopij.test');
  await expect(redacteur.getByRole('link', { name: 'Logboek' })).toHaveCount(0);
  expect((await redacteur.goto('/redactie/logboek'))?.status()).toBe(403);
  await context.close();
});
