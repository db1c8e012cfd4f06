import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, deliveries, issues, newsletters } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// Forged requests: the send controls called directly, past any hidden button.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendNow, pauseSend, cancelSend } = await import('./send-actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

const { signInAs } = session;

let issueId: number;
beforeEach(() => {
  state.database = testDb();
  seed(database());
  issueId = database().select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  database().update(issues).set({ status: 'approved' }).where(eq(issues.id, issueId)).run();
});

describe('send actions called directly', () => {
  it.each([
    ['sendNow', () => sendNow(idle, { issueId })],
    ['pauseSend', () => pauseSend(idle, { issueId })],
    ['cancelSend', () => cancelSend(idle, { issueId })],
  ])('refuses a redacteur’s %s, changes nothing and logs the attempt', async (_name, call) => {
    signInAs('redacteur@kopij.test');
    expect(await call()).toMatchObject({
      status: 'error',
      message: 'U heeft geen rechten voor deze actie.',
    });
    expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
      'approved',
    );
    expect(database().select().from(deliveries).all()).toHaveLength(0);
    const denied = database()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'access.denied'))
      .all();
    expect(denied.map((d) => d.actorLabel)).toEqual(['Fatima El Idrissi (redacteur@kopij.test)']);
  });

  it('lets a hoofdredacteur send an approved issue once; a second request is refused', async () => {
    signInAs('hoofdredactie@kopij.test');
    const first = await sendNow(idle, { issueId });
    expect(first).toMatchObject({ status: 'ok' });
    const rows = database()
      .select()
      .from(deliveries)
      .where(eq(deliveries.issueId, issueId))
      .all().length;
    expect(first.message).toBe(`De verzending is gestart: ${rows} abonnee(s).`);
    expect(await sendNow(idle, { issueId })).toMatchObject({ status: 'conflict' });
    expect(database().select().from(deliveries).all()).toHaveLength(rows);
  });

  it('refuses to send a draft that was never approved', async () => {
    signInAs('redactie@kopij.test');
    database().update(issues).set({ status: 'concept' }).where(eq(issues.id, issueId)).run();
    expect(await sendNow(idle, { issueId })).toMatchObject({
      status: 'conflict',
      message: 'Een nummer met status concept kunt u niet verzenden.',
    });
    expect(database().select().from(deliveries).all()).toHaveLength(0);
  });

  it('refuses to send when the delivery setup would make the mail fail', async () => {
    signInAs('hoofdredactie@kopij.test');
    const issue = database().select().from(issues).where(eq(issues.id, issueId)).get()!;
    database()
      .update(newsletters)
      .set({ senderEmail: 'raadsbericht@ziggo.nl' })
      .where(eq(newsletters.id, issue.newsletterId))
      .run();
    const result = await sendNow(idle, { issueId });
    expect(result).toMatchObject({ status: 'invalid' });
    expect(result.message).toMatch(
      /^Verzenden kan nu niet: Het afzenderadres raadsbericht@ziggo\.nl hoort bij ziggo\.nl/,
    );
    expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
      'approved',
    );
    expect(database().select().from(deliveries).all()).toHaveLength(0);
  });

  it('answers bad input with a Dutch message', async () => {
    signInAs('redactie@kopij.test');
    expect(await sendNow(idle, { issueId: 'abc' })).toMatchObject({
      status: 'invalid',
      message: 'Onbekend nummer.',
    });
  });
});
