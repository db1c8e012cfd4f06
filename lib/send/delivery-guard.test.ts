import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, deliveries, issues, newsletters, users } from '@/db/schema';
import type { DeliverySetup } from '@/lib/email/delivery-checks';
import { testDb } from '@/lib/test/db';
import { sendFixture } from '@/lib/test/send-fixture';
import { startSend } from './plan';
import { startDueIssues } from './scheduler';

// The delivery guardrails at the send start: an issue approved before the configuration
// changed (DKIM removed, a free-mail sender) must not go out.

const signed: DeliverySetup = {
  production: true,
  dkimDomain: 'vsg.example',
  publicUrl: 'https://nieuwsbrief.vsg.example',
};
const unsigned: DeliverySetup = { ...signed, dkimDomain: undefined };
const outbox: DeliverySetup = {
  production: false,
  dkimDomain: undefined,
  publicUrl: 'http://127.0.0.1:3000',
};

const chief = (database: Db) =>
  database.select().from(users).where(eq(users.role, 'hoofdredacteur')).get()!;
const statusOf = (database: Db, id: number) =>
  database.select().from(issues).where(eq(issues.id, id)).get()!.status;
const start = (database: Db, issueId: number, delivery: DeliverySetup) => {
  const by = chief(database);
  return database.transaction((tx) =>
    startSend(tx, { issueId, delivery, editor: { id: by.id, role: by.role, label: 'Pieter' } }),
  );
};

describe('the send start', () => {
  it('refuses an issue whose mail would fail in production, and sends nothing', () => {
    const database = testDb();
    const { issueId } = sendFixture(database, 5);
    const result = start(database, issueId, unsigned);
    expect(result).toMatchObject({ ok: false, status: 'invalid' });
    expect(!result.ok && result.message).toMatch(
      /^Verzenden kan nu niet: DKIM is niet ingesteld: zonder handtekening voor vsg\.example faalt DMARC/,
    );
    expect(statusOf(database, issueId)).toBe('approved');
    expect(database.select().from(deliveries).all()).toHaveLength(0);
  });

  it('refuses a free-mail sender even with the outbox', () => {
    const database = testDb();
    const { issueId, newsletterId } = sendFixture(database, 5);
    database
      .update(newsletters)
      .set({ senderEmail: 'raadsbericht@hotmail.com' })
      .where(eq(newsletters.id, newsletterId))
      .run();
    const result = start(database, issueId, outbox);
    expect(!result.ok && result.message).toContain(
      'Het afzenderadres raadsbericht@hotmail.com hoort bij hotmail.com',
    );
    expect(statusOf(database, issueId)).toBe('approved');
  });

  it('starts with warnings only (outbox) and with a sound production setup', () => {
    const a = testDb();
    expect(start(a, sendFixture(a, 5).issueId, outbox)).toMatchObject({ ok: true, recipients: 5 });
    const b = testDb();
    expect(start(b, sendFixture(b, 5).issueId, signed)).toMatchObject({ ok: true, recipients: 5 });
  });
});

describe('the scheduler', () => {
  const scheduled = (database: Db) => {
    const fixture = sendFixture(database, 5);
    const at = new Date('2026-12-01T08:00:00Z');
    database
      .update(issues)
      .set({ status: 'scheduled', scheduledAt: at, scheduledBy: chief(database).id })
      .where(eq(issues.id, fixture.issueId))
      .run();
    return { ...fixture, due: new Date(at.getTime() + 1000) };
  };

  it('takes an issue it may not send out of the planning, says why, and sends nothing', () => {
    const database = testDb();
    const { issueId, due } = scheduled(database);
    const held: [number, string[]][] = [];
    const started = startDueIssues(database, due, {
      delivery: unsigned,
      onHeld: (id, problems) => held.push([id, problems]),
    });
    expect(started).toEqual([]);
    expect(held).toHaveLength(1);
    expect(held[0]![0]).toBe(issueId);
    expect(held[0]![1][0]).toMatch(/^DKIM is niet ingesteld/);
    const issue = database.select().from(issues).where(eq(issues.id, issueId)).get()!;
    expect(issue).toMatchObject({ status: 'approved', scheduledAt: null });
    expect(database.select().from(deliveries).all()).toHaveLength(0);
    const audit = database.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(audit.action).toBe('issue.unschedule');
    expect(audit.details).toMatchObject({
      from: 'scheduled',
      to: 'approved',
      note: `Niet verzonden: ${held[0]![1].join(' ')}`,
    });
    // Not tried again at the next tick: it waits for someone to plan it anew.
    expect(startDueIssues(database, due, { delivery: unsigned })).toEqual([]);
  });

  it('starts the same issue when the setup is sound', () => {
    const database = testDb();
    const { issueId, due } = scheduled(database);
    expect(startDueIssues(database, due, { delivery: signed })).toEqual([
      { issueId, recipients: 5 },
    ]);
    expect(statusOf(database, issueId)).toBe('sending');
  });
});
