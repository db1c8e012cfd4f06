import { spawnSync } from 'node:child_process';
import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, deliveries, issues, users, workerLeases } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend, waitForStatus } from '@/lib/test/send-fixture';
import { sendHarness } from '@/lib/test/send-harness';
import { deliveryCounts } from './complete';
import { controlSend } from './control';
import { acquireLease, renewLease } from './lease';
import { startDueIssues } from './scheduler';

const harness = sendHarness({ concurrency: 2, maxAttempts: 5, bounceLimit: 3 });

const chief = (database: Db) =>
  database.select().from(users).where(eq(users.role, 'hoofdredacteur')).get()!;
const lastAudit = (database: Db) =>
  database.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;

const run = (database: Db, url: string, rate = 0) => harness.run(database, url, { rate });

describe('the scheduler', () => {
  it('starts a scheduled issue once its moment has passed, in the name of who scheduled it', () => {
    const database = testDb();
    const fixture = sendFixture(database, 20);
    const by = chief(database);
    const at = new Date('2026-12-01T08:00:00Z');
    database
      .update(issues)
      .set({ status: 'scheduled', scheduledAt: at, scheduledBy: by.id })
      .where(eq(issues.id, fixture.issueId))
      .run();

    expect(startDueIssues(database, new Date(at.getTime() - 1000))).toEqual([]);
    expect(database.select().from(issues).where(eq(issues.id, fixture.issueId)).get()!.status).toBe(
      'scheduled',
    );

    expect(startDueIssues(database, new Date(at.getTime() + 1000))).toEqual([
      { issueId: fixture.issueId, recipients: 20 },
    ]);
    expect(database.select().from(issues).where(eq(issues.id, fixture.issueId)).get()!.status).toBe(
      'sending',
    );
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ queued: 20, total: 20 });
    expect(lastAudit(database)).toMatchObject({
      action: 'issue.startSend',
      actorId: by.id,
      actorLabel: `Planner (ingepland door ${by.name} (${by.email}))`,
    });
    // A second tick (or a second process) does not start it again.
    expect(startDueIssues(database, new Date(at.getTime() + 2000))).toEqual([]);
  });
});

describe('pausing, resuming and cancelling', () => {
  it('a paused send hands nothing over until it is resumed, then finishes', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 200);
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    const actor = { id: chief(database).id, label: 'Pieter' };
    expect(controlSend(database, fixture.issueId, 'pause', actor)).toMatchObject({ ok: true });
    expect(controlSend(database, fixture.issueId, 'pause', actor)).toMatchObject({
      ok: false,
      message: 'De verzending is al gepauzeerd.',
    });
    run(database, smtp.url);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(0);
    expect(controlSend(database, fixture.issueId, 'resume', actor)).toMatchObject({ ok: true });
    await waitForStatus(database, fixture.issueId, 'sent');
    expect(smtp.messages).toHaveLength(200);
    expect(lastAudit(database).action).toBe('issue.sent');
  });

  it('pausing mid-send also holds the copies already claimed; resuming sends each remaining one once', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 60);
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    // Slow enough that a claimed batch would still be going out long after the pause.
    run(database, smtp.url, 20);
    while (smtp.messages.length < 5) await new Promise((r) => setTimeout(r, 5));
    const actor = { id: null, label: 'Pieter' };
    controlSend(database, fixture.issueId, 'pause', actor);
    await new Promise((r) => setTimeout(r, 100)); // what was on the wire lands
    const atPause = smtp.messages.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.messages.length).toBe(atPause);
    controlSend(database, fixture.issueId, 'resume', actor);
    await waitForStatus(database, fixture.issueId, 'sent');
    expect(new Set(smtp.messages.flatMap((m) => m.envelopeTo)).size).toBe(60);
    expect(smtp.messages).toHaveLength(60);
  });

  it('a cancelled send skips whoever has not got it and is closed as sent for the rest', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 300);
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    run(database, smtp.url, 200);
    while (smtp.messages.length < 20) await new Promise((r) => setTimeout(r, 5));
    expect(
      controlSend(database, fixture.issueId, 'cancel', { id: null, label: 'Pieter' }),
    ).toMatchObject({ ok: true });
    await waitForStatus(database, fixture.issueId, 'sent');
    const counts = deliveryCounts(database, fixture.issueId);
    expect(counts.sent).toBe(smtp.messages.length);
    expect(counts.sent + counts.skipped).toBe(300);
    expect(counts.skipped).toBeGreaterThan(100);
    expect(lastAudit(database).summary).toMatch(/is verzonden \(geannuleerd\)/);
  });

  it('a send cancelled before anyone got it goes back to approved', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 5);
    startFixtureSend(database, fixture.issueId);
    controlSend(database, fixture.issueId, 'cancel', { id: null, label: 'Pieter' });
    expect(
      database
        .select()
        .from(deliveries)
        .all()
        .every((d) => d.status === 'skipped'),
    ).toBe(true);
    const smtp = await harness.smtp();
    run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'approved');
    expect(smtp.messages).toHaveLength(0);
    expect(
      database.select().from(issues).where(eq(issues.id, fixture.issueId)).get(),
    ).toMatchObject({ sendStartedAt: null, sentAt: null });
    // It can be sent again later, to everyone.
    expect(startFixtureSend(database, fixture.issueId).recipients).toBe(5);
  });

  it('refuses to control an issue that is not being sent', () => {
    const database = testDb();
    const fixture = sendFixture(database, 5);
    expect(controlSend(database, fixture.issueId, 'pause', { id: null, label: 'x' })).toEqual({
      ok: false,
      message: 'Dit nummer wordt niet (meer) verzonden.',
    });
  });
});

describe('the sender lease', () => {
  it('lets one process send at a time and hands over at once when the holder has died', () => {
    const database = testDb();
    expect(acquireLease(database, 'sender', 'a', 30_000)).toBe(true);
    expect(acquireLease(database, 'sender', 'b', 30_000)).toBe(false);
    expect(renewLease(database, 'sender', 'b')).toBe(false);
    // A holder whose heartbeat stopped long ago is replaced.
    database
      .update(workerLeases)
      .set({ heartbeatAt: new Date(0) })
      .run();
    expect(acquireLease(database, 'sender', 'b', 30_000)).toBe(true);
    expect(renewLease(database, 'sender', 'a')).toBe(false);
    // A holder on this host whose process is gone is replaced without waiting.
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    database
      .update(workerLeases)
      .set({ pid: Number(gone), holder: 'dead', heartbeatAt: new Date() })
      .run();
    expect(acquireLease(database, 'sender', 'c', 30_000)).toBe(true);
  });
});
