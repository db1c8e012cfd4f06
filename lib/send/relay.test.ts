import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, deliveries, issues, subscribers, users } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import {
  sendFixture,
  startFixtureSend,
  waitFor,
  waitForStatus,
  type SendFixture,
} from '@/lib/test/send-fixture';
import { sendHarness } from '@/lib/test/send-harness';
import { tempDir } from '@/lib/test/temp-dir';
import { deliveryCounts } from './complete';
import { controlSend } from './control';

const harness = sendHarness({ bounceLimit: 3 });

const issueRow = (database: Db, id: number) =>
  database.select().from(issues).where(eq(issues.id, id)).get()!;

const perReader = (to: string[]) =>
  to.reduce((m, a) => m.set(a, (m.get(a) ?? 0) + 1), new Map<string, number>());

/** No reader's bounce count or status was touched. */
function expectNoReaderTouched(database: Db) {
  const touched = database
    .select({ id: subscribers.id, status: subscribers.status, bounces: subscribers.hardBounces })
    .from(subscribers)
    .all()
    .filter((s) => s.status !== 'active' || s.bounces !== 0);
  expect(touched).toEqual([]);
}

/** Every reader got exactly one copy, and no reader was touched. */
function expectEachReaderOnce(database: Db, fixture: SendFixture, received: string[]) {
  const counts = perReader(received);
  expect(counts.size).toBe(fixture.readers.size);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expectNoReaderTouched(database);
}

describe('a relay that fails', () => {
  it('refusing the login: pauses the send with the reason, tells sender and admins through the outbox, and resumes to deliver each copy once', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 40);
    let refuse = true;
    const smtp = await harness.smtp(undefined, { refuseAuth: () => refuse });
    const outbox = tempDir('kopij-relay-outbox');
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.authUrl, { outboxDir: outbox, relayFailureLimit: 5 });

    const paused = await waitFor(() => {
      const row = issueRow(database, fixture.issueId);
      return row.sendPausedAt ? row : undefined;
    }, 'de pauze');
    expect(paused.status).toBe('sending');
    expect(paused.sendPauseReason).toMatch(/^De mailserver weigert de inlog \(535\)/);
    expect(paused.sendPauseReason).toContain('Invalid username or password');
    expect(paused.sendPauseReason).not.toContain('een-geheim-wachtwoord');

    // No copy is used up or failed: all wait in the queue, as if never tried.
    await waitFor(
      () =>
        database
          .select()
          .from(deliveries)
          .all()
          .every((d) => d.status !== 'sending'),
      'de teruggelegde kopieën',
    );
    const rows = database.select().from(deliveries).all();
    expect(rows.filter((d) => !['queued', 'retry'].includes(d.status) || d.attempts !== 0)).toEqual(
      [],
    );
    expectNoReaderTouched(database);
    expect(smtp.messages).toHaveLength(0);

    // The notice went to the outbox folder, to the sender (the chief editor) and every admin.
    const wanted = database
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.role, ['admin', 'hoofdredacteur']))
      .all()
      .map((u) => u.email)
      .sort();
    const files = await waitFor(() => {
      const names = fs.readdirSync(outbox).filter((name) => name.endsWith('.eml'));
      return names.length >= wanted.length ? names : undefined;
    }, 'de meldingen in de outbox');
    const notices = await Promise.all(
      files.map((f) => simpleParser(fs.readFileSync(path.join(outbox, f)))),
    );
    expect(notices.map((n) => (n.to as { text: string }).text).sort()).toEqual(wanted);
    for (const notice of notices) {
      expect(notice.subject).toMatch(/^Verzending gepauzeerd: /);
      expect(notice.text).toContain(paused.sendPauseReason!);
      // Built like every other mail: from the newsletter's sender, in its name.
      expect(notice.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
      expect(notice.messageId).toMatch(/@vsg\.example>$/);
    }

    refuse = false;
    const chief = database.select().from(users).where(eq(users.role, 'hoofdredacteur')).get()!;
    const resumed = database.transaction((tx) =>
      controlSend(tx, fixture.issueId, 'resume', { id: chief.id, label: 'Hoofdredactie' }),
    );
    expect(resumed.ok).toBe(true);
    expect(issueRow(database, fixture.issueId).sendPauseReason).toBeNull();
    await waitForStatus(database, fixture.issueId, 'sent');
    expectEachReaderOnce(
      database,
      fixture,
      smtp.messages.flatMap((m) => m.envelopeTo),
    );
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 40, failed: 0 });
  }, 60_000);

  it('going down in the middle of a send and coming back: every copy once, no reader touched', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 150, { seed: 5 });
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    // Enough tries in a row that the outage below does not pause the send.
    harness.run(database, smtp.url, { relayFailureLimit: 8 });

    await waitFor(() => smtp.messages.length >= 40, 'de eerste 40 berichten');
    await smtp.stop();
    const refused = () =>
      database
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.status, 'retry'), like(deliveries.lastError, '%ECONNREFUSED%')))
        .get();
    await waitFor(refused, 'een geweigerde verbinding');
    expect(smtp.messages.length).toBeLessThan(150);
    await smtp.restart();

    await waitForStatus(database, fixture.issueId, 'sent');
    expect(issueRow(database, fixture.issueId).sendPauseReason).toBeNull();
    expectEachReaderOnce(
      database,
      fixture,
      smtp.messages.flatMap((m) => m.envelopeTo),
    );
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 150, failed: 0 });
  }, 60_000);

  it('refusing the sender at MAIL FROM: pauses with that reason and bounces nobody', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 20);
    const smtp = await harness.smtp(undefined, { refuseMailFrom: () => true });
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url, { outboxDir: tempDir('kopij-relay-outbox') });
    const paused = await waitFor(() => {
      const row = issueRow(database, fixture.issueId);
      return row.sendPausedAt ? row : undefined;
    }, 'de pauze');
    expect(paused.sendPauseReason).toMatch(
      /^De mailserver weigert het afzenderadres bij MAIL FROM \(550\): .*550 Sender not allowed/,
    );
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 0, failed: 0 });
    expectNoReaderTouched(database);
  }, 60_000);

  it('refusing to relay at RCPT TO (550 5.7.1) for everyone: pauses with that reason and bounces nobody; resumed, each copy arrives once', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 30);
    let refuse = true;
    const smtp = await harness.smtp(undefined, { refuseRelay: () => refuse });
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url, { outboxDir: tempDir('kopij-relay-outbox') });
    const paused = await waitFor(() => {
      const row = issueRow(database, fixture.issueId);
      return row.sendPausedAt ? row : undefined;
    }, 'de pauze');
    expect(paused.sendPauseReason).toMatch(
      /^De mailserver weigert ontvangers \(550\): .*\(relay\)\..*Relaying denied/,
    );
    await waitFor(
      () =>
        database
          .select()
          .from(deliveries)
          .all()
          .every((d) => d.status !== 'sending'),
      'de teruggelegde kopieën',
    );
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 0, failed: 0 });
    expectNoReaderTouched(database);

    refuse = false;
    const chief = database.select().from(users).where(eq(users.role, 'hoofdredacteur')).get()!;
    database.transaction((tx) =>
      controlSend(tx, fixture.issueId, 'resume', { id: chief.id, label: 'Hoofdredactie' }),
    );
    await waitForStatus(database, fixture.issueId, 'sent');
    expectEachReaderOnce(
      database,
      fixture,
      smtp.messages.flatMap((m) => m.envelopeTo),
    );
  }, 60_000);

  it('a connection cut in the middle of DATA: that copy goes back to the queue and arrives once after reconnecting', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 80, { seed: 9 });
    const victim = 'lezer37@example.test';
    let cuts = 0;
    const smtp = await harness.smtp(undefined, {
      dropInData: (to) => to.includes(victim) && cuts++ === 0,
    });
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');

    expect(cuts).toBe(2);
    expectEachReaderOnce(
      database,
      fixture,
      smtp.messages.flatMap((m) => m.envelopeTo),
    );
    const row = database
      .select({ status: deliveries.status, attempts: deliveries.attempts })
      .from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .where(eq(subscribers.email, victim))
      .get();
    // The cut copy may have arrived for all we knew, so it counts as an attempt; nothing more.
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 80, failed: 0 });
    expect(issueRow(database, fixture.issueId).sendPausedAt).toBeNull();
  }, 60_000);

  it('refusing 3 recipients with 550 at RCPT TO: exactly those fail and bounce, the rest arrive', async () => {
    const database = testDb();
    const refusedAddresses = new Set([
      'lezer3@example.test',
      'lezer17@example.test',
      'lezer29@example.test',
    ]);
    const fixture = sendFixture(database, 60, { seed: 3 });
    const smtp = await harness.smtp(undefined, { refuseRcpt: (a) => refusedAddresses.has(a) });
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');

    const rows = database
      .select({
        email: subscribers.email,
        status: deliveries.status,
        error: deliveries.lastError,
        bounces: subscribers.hardBounces,
      })
      .from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .all();
    const failed = rows.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.email).sort()).toEqual([...refusedAddresses].sort());
    for (const r of failed)
      expect(r).toMatchObject({ bounces: 1, error: expect.stringMatching(/^550/) });
    expect(rows.filter((r) => r.status === 'sent' && r.bounces === 0)).toHaveLength(57);
    expect(smtp.messages).toHaveLength(57);
    expect(issueRow(database, fixture.issueId).sendPausedAt).toBeNull();
  }, 60_000);

  it('a send where most copies were refused finishes, but its log line says it mostly failed', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 10);
    const smtp = await harness.smtp(undefined, {
      refuseRcpt: (a) => a !== 'lezer1@example.test' && a !== 'lezer2@example.test',
    });
    startFixtureSend(database, fixture.issueId);
    harness.run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');
    const line = database
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'issue.sent'), eq(auditLog.entityId, String(fixture.issueId))))
      .get()!;
    expect(line.summary).toContain(
      'Verzending grotendeels mislukt: 8 van 10 kopieën niet afgeleverd',
    );
  }, 60_000);
});
