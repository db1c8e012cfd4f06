import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliveries, issues, subscribers, workerLeases } from '@/db/schema';
import { acquireLease, DEFAULT_LEASE_MS } from '@/lib/send/lease';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { checkRelay, checkSender } from './health-send';

const NOW = Date.parse('2030-03-01T10:00:00Z');
const MINUTE = 60_000;
let database: ReturnType<typeof testDb>;
let issueId: number;

beforeEach(() => {
  database = testDb();
  seed(database, new Date(NOW - 60 * MINUTE));
  issueId = database.select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
});

function startSending(startedAt: number, extra: Partial<typeof issues.$inferInsert> = {}) {
  database
    .update(issues)
    .set({ status: 'sending', sendStartedAt: new Date(startedAt), ...extra })
    .where(eq(issues.id, issueId))
    .run();
}

function addDeliveries(rows: Partial<typeof deliveries.$inferInsert>[]) {
  const ids = database.select({ id: subscribers.id }).from(subscribers).all();
  database
    .insert(deliveries)
    .values(rows.map((row, i) => ({ issueId, subscriberId: ids[i]!.id, ...row })))
    .run();
}

const sender = (inApp: boolean, now = NOW) =>
  checkSender(database, { inApp, leaseMs: DEFAULT_LEASE_MS, now });

describe('checkSender', () => {
  it('is not needed when the sender runs apart and nothing is to be sent', () => {
    expect(sender(false)).toEqual({
      ok: true,
      overgeslagen: 'Geen verzending bezig of te starten',
    });
  });

  it('fails without a sender while a send runs, or a scheduled issue is due, or the app should send', () => {
    expect(sender(true)).toEqual({
      ok: false,
      reden: 'Er draait geen verzender: de verzender in de app is niet gestart',
    });
    database
      .update(issues)
      .set({ status: 'scheduled', scheduledAt: new Date(NOW - 1000) })
      .where(eq(issues.id, issueId))
      .run();
    expect(sender(false)).toEqual({
      ok: false,
      reden: 'Er draait geen verzender: start de verzender met npm run worker (SEND_WORKER=apart)',
    });
    startSending(NOW - MINUTE);
    expect(sender(false)).toMatchObject({ ok: false });
  });

  it('passes on a fresh heartbeat and fails once it is older than the lease', () => {
    startSending(NOW - MINUTE);
    acquireLease(database, 'sender', 'worker-1', DEFAULT_LEASE_MS, NOW - 10_000);
    expect(sender(false)).toEqual({ ok: true });
    expect(sender(false, NOW - 10_000 + DEFAULT_LEASE_MS + 2000)).toEqual({
      ok: false,
      reden: 'De verzender gaf 32 s geen teken van leven (normaal elke 5 s)',
    });
  });

  it('fails at once when the sender on this host is gone, as another sender would take over', () => {
    startSending(NOW - MINUTE);
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    database
      .insert(workerLeases)
      .values({
        name: 'sender',
        holder: 'w',
        host: os.hostname(),
        pid: gone,
        heartbeatAt: new Date(NOW),
      })
      .run();
    expect(sender(false)).toEqual({
      ok: false,
      reden:
        'Het verzendproces is gestopt: start de verzender met npm run worker (SEND_WORKER=apart)',
    });
  });

  it('is not needed for a send an editor paused (nothing goes out until it is resumed)', () => {
    startSending(NOW - MINUTE, { sendPausedAt: new Date(NOW - 1000) });
    expect(sender(false)).toMatchObject({ ok: true, overgeslagen: expect.any(String) });
  });
});

const relay = (now = NOW) => checkRelay(database, { windowMs: 5 * MINUTE, now });

describe('checkRelay', () => {
  it('is not needed without a running send', () => {
    expect(relay()).toEqual({ ok: true, overgeslagen: 'Geen verzending bezig' });
  });

  it('gives a send that just started the window to get its first answer', () => {
    startSending(NOW - MINUTE);
    addDeliveries([{ status: 'queued' }, { status: 'queued' }]);
    expect(relay()).toEqual({ ok: true });
  });

  it('fails when copies waited the whole window without an answer', () => {
    startSending(NOW - 10 * MINUTE);
    addDeliveries([{ status: 'queued', createdAt: new Date(NOW - 10 * MINUTE) }]);
    expect(relay()).toEqual({
      ok: false,
      reden:
        'De mailserver antwoordde nog niet sinds de verzending 10 minuten geleden begon (grens 5 minuten, HEALTH_RELAY_MINUTES)',
    });
  });

  it('passes while the server answers, and fails once its last answer is older than the window', () => {
    startSending(NOW - 30 * MINUTE);
    addDeliveries([
      { status: 'sent', updatedAt: new Date(NOW - 2 * MINUTE) },
      // Put back after a relay failure: due again at once.
      { status: 'retry', nextAttemptAt: null, updatedAt: new Date(NOW - 1000) },
    ]);
    expect(relay()).toEqual({ ok: true });
    expect(relay(NOW + 6 * MINUTE)).toEqual({
      ok: false,
      reden:
        'De mailserver antwoordde 8 minuten niet terwijl er een verzending loopt (grens 5 minuten, HEALTH_RELAY_MINUTES)',
    });
  });

  it('counts a deferral (4xx) as an answer, and does not blame the server for copies waiting on their retry time', () => {
    startSending(NOW - 30 * MINUTE);
    addDeliveries([
      { status: 'sent', updatedAt: new Date(NOW - 20 * MINUTE) },
      {
        status: 'retry',
        nextAttemptAt: new Date(NOW + 50 * MINUTE),
        updatedAt: new Date(NOW - 2 * MINUTE),
      },
    ]);
    expect(relay()).toEqual({ ok: true });
    // An hour on, the deferral was the last answer; the copy only became due a few minutes ago.
    expect(relay(NOW + 52 * MINUTE)).toEqual({ ok: true });
    expect(relay(NOW + 60 * MINUTE)).toMatchObject({ ok: false });
  });

  it('fails while the sender has paused a send because the mail server failed', () => {
    startSending(NOW - 30 * MINUTE, {
      sendPausedAt: new Date(NOW - MINUTE),
      sendPauseReason: 'De mailserver weigert de inlog (535): controleer SMTP_URL',
    });
    expect(relay()).toEqual({
      ok: false,
      reden: `De verzending van nummer ${issueId} staat stil omdat de mailserver niet antwoordde of weigerde; hervat haar als de mailserver weer werkt`,
    });
    // An editor's own pause is not the server's fault.
    database.update(issues).set({ sendPauseReason: null }).where(eq(issues.id, issueId)).run();
    expect(relay()).toEqual({ ok: true, overgeslagen: 'Geen verzending bezig' });
  });
});
