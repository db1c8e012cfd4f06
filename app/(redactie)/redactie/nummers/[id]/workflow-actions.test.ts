import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issues, newsletters, sentItems, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// A forged request: a redacteur calls the approve action directly, past any hidden button.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { approve, schedule } = await import('./workflow-actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

let issueId: number;
beforeEach(() => {
  state.database = testDb();
  seed(database());
  const u = database().select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  issueId = database().select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  database().update(issues).set({ status: 'review' }).where(eq(issues.id, issueId)).run();
});

describe('workflow actions called directly', () => {
  it.each([
    ['approve', () => approve(idle, { issueId })],
    ['schedule', () => schedule(idle, { issueId, moment: '2030-01-01T10:00' })],
  ])(
    'refuses a redacteur’s %s, changes nothing and logs the attempt with their name',
    async (_name, call) => {
      const result = await call();
      expect(result).toMatchObject({
        status: 'error',
        message: 'U heeft geen rechten voor deze actie.',
      });
      expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
        'review',
      );
      const denied = database()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'access.denied'))
        .all();
      expect(denied).toHaveLength(1);
      expect(denied[0]!.actorLabel).toBe('Fatima El Idrissi (redacteur@kopij.test)');
    },
  );

  it('refuses approval for a free-mail sender and lets delivery warnings through', async () => {
    const chief = database()
      .select()
      .from(users)
      .where(eq(users.email, 'hoofdredactie@kopij.test'))
      .get()!;
    state.editor = { id: chief.id, email: chief.email, name: chief.name, role: chief.role };
    const issue = database().select().from(issues).where(eq(issues.id, issueId)).get()!;
    const original = database()
      .select()
      .from(newsletters)
      .where(eq(newsletters.id, issue.newsletterId))
      .get()!;
    database()
      .update(newsletters)
      .set({ senderEmail: 'raadsbericht@gmail.com' })
      .where(eq(newsletters.id, issue.newsletterId))
      .run();
    const refused = await approve(idle, { issueId });
    expect(refused).toMatchObject({ status: 'invalid' });
    expect(refused.message).toMatch(
      /^Los eerst dit op: Het afzenderadres raadsbericht@gmail\.com hoort bij gmail\.com/,
    );
    expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
      'review',
    );
    expect(database().select().from(sentItems).where(eq(sentItems.issueId, issueId)).all()).toEqual(
      [],
    );

    // The tests' own setup (outbox, no DKIM, http) only warns: approval goes through.
    database()
      .update(newsletters)
      .set({ senderEmail: original.senderEmail })
      .where(eq(newsletters.id, issue.newsletterId))
      .run();
    expect(await approve(idle, { issueId })).toMatchObject({ status: 'ok' });
    expect(database().select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
      'approved',
    );
  });
});
