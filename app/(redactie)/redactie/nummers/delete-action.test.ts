import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issueBlocks, issues, newsletters, users } from '@/db/schema';
import { createIssue } from '@/lib/issue/create';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The delete action called directly, as a forged request would: past the hidden button.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { deleteIssue } = await import('./actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;
const signInAs = (email: string) => {
  const u = database().select().from(users).where(eq(users.email, email)).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  return u;
};
const snapshot = () => ({
  issues: database().select().from(issues).all(),
  blocks: database().select({ n: count() }).from(issueBlocks).get()!.n,
});
const deletions = () =>
  database().select().from(auditLog).where(eq(auditLog.action, 'issue.deleted')).all();

beforeEach(() => {
  state.database = testDb();
  seed(database());
});

describe('deleteIssue called directly', () => {
  it('refuses a sent issue even from an admin, names why, and changes nothing', async () => {
    signInAs('redactie@kopij.test');
    const sent = database().select().from(issues).where(eq(issues.status, 'sent')).get()!;
    const before = snapshot();
    const result = await deleteIssue(idle, { issueId: sent.id });
    expect(result).toEqual({
      status: 'invalid',
      message: `Raadsbericht ${sent.number} is verzonden en kan niet worden verwijderd: het blijft in het archief.`,
      fieldErrors: undefined,
    });
    expect(snapshot()).toEqual(before);
    expect(deletions()).toHaveLength(0);
  });

  it('refuses a redacteur someone else’s draft', async () => {
    const draft = database().select().from(issues).where(eq(issues.status, 'concept')).get()!;
    database()
      .update(issues)
      .set({ createdBy: signInAs('redactie@kopij.test').id })
      .where(eq(issues.id, draft.id))
      .run();
    signInAs('redacteur@kopij.test');
    const before = snapshot();
    expect(await deleteIssue(idle, { issueId: draft.id })).toMatchObject({ status: 'invalid' });
    expect(snapshot()).toEqual(before);
  });

  it('deletes the creator’s draft, logs it and goes to the list with a notice', async () => {
    const me = signInAs('redacteur@kopij.test');
    const newsletterId = database().select().from(newsletters).get()!.id;
    const made = database().transaction((tx) => createIssue(tx, newsletterId, me.id));
    const redirect = await deleteIssue(idle, { issueId: made.id }).catch((e) => e);
    expect(redirect.to).toBe(
      `/redactie/nummers?verwijderd=${encodeURIComponent(`Raadsbericht ${made.number}`)}`,
    );
    expect(database().select().from(issues).where(eq(issues.id, made.id)).get()).toBeUndefined();
    expect(deletions()).toMatchObject([
      {
        actorId: me.id,
        entityId: String(made.id),
        summary: `Raadsbericht ${made.number} (concept) verwijderd`,
      },
    ]);
  });
});
