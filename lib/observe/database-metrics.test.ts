import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  bounceEvents,
  consentEvents,
  deliveries,
  issues,
  subscribers,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { backupName } from '@/lib/backup/names';
import { tempDir } from '@/lib/test/temp-dir';
import { seed } from '@/scripts/seed';
import { collectDatabaseMetrics } from './database-metrics';
import { metrics } from './metrics';

let database: ReturnType<typeof testDb>;
let sentIssue: number;
let sendingIssue: number;
let subscriberIds: number[];
let backupDir: string;

beforeEach(() => {
  database = testDb();
  seed(database);
  sentIssue = database.select().from(issues).where(eq(issues.status, 'sent')).get()!.id;
  sendingIssue = database.select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  database
    .update(issues)
    .set({ status: 'sending', sendStartedAt: new Date() })
    .where(eq(issues.id, sendingIssue))
    .run();
  subscriberIds = database
    .select({ id: subscribers.id })
    .from(subscribers)
    .all()
    .map((s) => s.id);
  backupDir = tempDir('kopij-backups');
});

function deliver(issueId: number, rows: Partial<typeof deliveries.$inferInsert>[], offset = 0) {
  database
    .insert(deliveries)
    .values(rows.map((row, i) => ({ issueId, subscriberId: subscriberIds[offset + i]!, ...row })))
    .run();
}

async function scrape(now = Date.now()) {
  const m = metrics();
  collectDatabaseMetrics(database, m, { maxAttempts: 8, backupDir, now });
  const value = async (
    metric: { get(): Promise<{ values: { labels: object; value: number }[] }> },
    labels = {},
  ) =>
    (await metric.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))
      ?.value;
  return {
    sent: await value(m.messagesSent),
    reader: await value(m.failures, { class: 'reader' }),
    retry: await value(m.failures, { class: 'retry' }),
    queued: await value(m.queueDepth, { state: 'queued' }),
    retrying: await value(m.queueDepth, { state: 'retry' }),
    inFlight: await value(m.queueDepth, { state: 'sending' }),
    running: await value(m.sendsRunning, { paused: 'no' }),
    hard: await value(m.bounces, { kind: 'hard' }),
    complaints: await value(m.bounces, { kind: 'complaint' }),
    requested: await value(m.signups, { stage: 'requested' }),
    confirmed: await value(m.signups, { stage: 'confirmed' }),
    relayPauses: await value(m.relayPauses),
    backupAge: await value(m.backupAge),
    text: await m.registry.metrics(),
  };
}

describe('collectDatabaseMetrics', () => {
  it('counts sent copies, failures by class and the queue of running sends', async () => {
    deliver(sentIssue, [
      { status: 'sent' },
      { status: 'sent' },
      { status: 'failed', attempts: 1, lastError: '550 5.1.1 user unknown' },
      { status: 'failed', attempts: 8, lastError: '451 4.7.1 try again later' },
      // Erased later: the text is gone, the attempts still tell.
      { status: 'failed', attempts: 2, lastError: null },
    ]);
    deliver(
      sendingIssue,
      [
        { status: 'sent' },
        { status: 'queued' },
        { status: 'queued' },
        { status: 'retry' },
        { status: 'sending' },
      ],
      5,
    );
    expect(await scrape()).toMatchObject({
      sent: 3,
      reader: 2,
      retry: 1,
      queued: 2,
      retrying: 1,
      inFlight: 1,
      running: 1,
    });
  });

  it('counts what changes on later scrapes, once: copies going out, new bounces and sign-ups', async () => {
    deliver(sentIssue, [{ status: 'sent' }]);
    deliver(sendingIssue, [{ status: 'queued' }, { status: 'queued' }], 1);
    const before = await scrape();
    expect(await scrape()).toMatchObject({ sent: before.sent, hard: before.hard });
    database
      .update(deliveries)
      .set({ status: 'sent' })
      .where(and(eq(deliveries.issueId, sendingIssue), eq(deliveries.status, 'queued')))
      .run();
    database
      .insert(bounceEvents)
      .values([
        { dedupeKey: 'a', source: 'smtp', kind: 'hard', subscriberId: subscriberIds[0] },
        { dedupeKey: 'b', source: 'ses', kind: 'complaint', subscriberId: subscriberIds[1] },
      ])
      .run();
    database
      .insert(consentEvents)
      .values({ subscriberId: subscriberIds[0]!, kind: 'subscribe_requested', source: 'formulier' })
      .run();
    database
      .insert(auditLog)
      .values({
        actorLabel: 'Kopij (verzending)',
        action: 'issue.sendPaused',
        entityType: 'issue',
        summary: 'gepauzeerd',
      })
      .run();
    const after = await scrape();
    expect(after).toMatchObject({
      sent: before.sent! + 2,
      queued: 0,
      hard: before.hard! + 1,
      complaints: before.complaints! + 1,
      requested: before.requested! + 1,
      confirmed: before.confirmed,
      relayPauses: before.relayPauses! + 1,
    });
    expect(before.confirmed).toBe(subscriberIds.length);
  });

  it('gives the age of the newest finished backup, and +Inf without one', async () => {
    expect((await scrape()).backupAge).toBe(Number.POSITIVE_INFINITY);
    expect((await scrape()).text).toContain('kopij_backup_age_seconds +Inf');
    // Age counts from the moment a backup started, which its name records; a file being written
    // (a hidden temporary name) or one of another shape is no backup.
    // A whole second: names keep seconds, so any milliseconds would show up in the age.
    const now = Math.floor(Date.now() / 1000) * 1000;
    for (const name of [
      backupName(new Date(now - 7200_000)),
      backupName(new Date(now - 3600_000)),
      `.${backupName(new Date(now - 10_000))}.tmp`,
      'kopij-kopie.db',
    ])
      fs.writeFileSync(path.join(backupDir, name), '');
    expect((await scrape(now)).backupAge).toBeCloseTo(3600, 0);
  });
});
