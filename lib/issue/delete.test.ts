import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issueBlocks, issues, newsletters, users } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { createIssue } from './create';
import { deleteDraftIssue, IssueDeleteRefusal } from './delete';

let database: Db;
const tx = <T>(fn: (t: Db) => T) => database.transaction((t) => fn(t as unknown as Db));
const editor = (email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role };
};
const counts = () => ({
  issues: database.select({ n: count() }).from(issues).get()!.n,
  blocks: database.select({ n: count() }).from(issueBlocks).get()!.n,
});

beforeEach(() => {
  database = testDb();
  seed(database);
});

describe('deleting an issue', () => {
  it('deletes a draft with its blocks when its creator asks', () => {
    const newsletterId = database.select().from(newsletters).get()!.id;
    const fatima = editor('redacteur@kopij.test');
    const made = tx((t) => createIssue(t, newsletterId, fatima.id));
    const before = counts();
    // Two start blocks and the footer.
    const result = tx((t) => deleteDraftIssue(t, made.id, fatima));
    expect(result.name).toBe(`Raadsbericht ${made.number}`);
    expect(counts()).toEqual({ issues: before.issues - 1, blocks: before.blocks - 3 });
  });

  it('lets a hoofdredacteur delete someone else’s draft, but not another redacteur', () => {
    const newsletterId = database.select().from(newsletters).get()!.id;
    const admin = editor('redactie@kopij.test');
    const made = tx((t) => createIssue(t, newsletterId, admin.id));
    expect(() =>
      tx((t) => deleteDraftIssue(t, made.id, { ...editor('redacteur@kopij.test') })),
    ).toThrow('Alleen wie dit concept aanmaakte');
    tx((t) => deleteDraftIssue(t, made.id, editor('hoofdredactie@kopij.test')));
    expect(database.select().from(issues).where(eq(issues.id, made.id)).get()).toBeUndefined();
  });

  it.each(['sent', 'review', 'approved', 'scheduled'] as const)(
    'refuses an issue with status %s, even for an admin, and changes nothing',
    (status) => {
      const target = database.select().from(issues).where(eq(issues.status, 'sent')).get()!;
      if (status !== 'sent')
        database.update(issues).set({ status }).where(eq(issues.id, target.id)).run();
      const before = counts();
      const attempt = () =>
        tx((t) => deleteDraftIssue(t, target.id, editor('redactie@kopij.test')));
      expect(attempt).toThrow(IssueDeleteRefusal);
      expect(attempt).toThrow(
        status === 'sent' ? /is verzonden en kan niet worden verwijderd/ : /Alleen een concept/,
      );
      expect(counts()).toEqual(before);
    },
  );
});
