import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issues, sentItems } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { freezeSentItems } from '@/lib/issue/sent-items';
import { testDb } from '@/lib/test/db';

// The audience form's action called as the form calls it, and as a forged request would.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveAudience } = await import('./audience-actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

const { signInAs } = session;

const stored = () => database().select().from(issues).where(eq(issues.id, issueId)).get()!;
const audienceLines = () =>
  database().select().from(auditLog).where(eq(auditLog.action, 'issue.audience')).all();

let issueId: number;
beforeEach(() => {
  state.database = testDb();
  seed(database());
  issueId = database().select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  signInAs('redacteur@kopij.test');
});

describe('choosing the audience of an issue', () => {
  it('refuses without a session and changes nothing', async () => {
    state.editor = null;
    const result = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'groepen',
      groep: 'griffier',
    });
    expect(result).toMatchObject({ status: 'error' });
    expect(result.message).toContain('niet (meer) ingelogd');
    expect(stored().audiences).toBeNull();
  });

  it('refuses “only these groups” without a group, in Dutch, and an unknown group', async () => {
    const none = await saveAudience(idle, { issueId: String(issueId), ontvangers: 'groepen' });
    expect(none).toMatchObject({
      status: 'invalid',
      fieldErrors: { groep: 'Kies minstens één groep, of kies “Alle abonnees”.' },
    });
    const forged = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'groepen',
      groep: ['griffier', 'wethouder'],
    });
    expect(forged).toMatchObject({ status: 'invalid' });
    expect(forged.fieldErrors?.['groep.1']).toBe('Kies een groep uit de lijst.');
    expect(stored().audiences).toBeNull();
    expect(audienceLines()).toHaveLength(0);
  });

  it('lets a redacteur choose griffiers and raadsleden for a draft, and everyone again', async () => {
    const chosen = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'groepen',
      groep: ['griffier', 'raadslid', 'griffier'],
    });
    expect(chosen).toMatchObject({
      status: 'ok',
      message: 'De ontvangers zijn gewijzigd: alleen raadsleden en griffiers.',
    });
    expect(stored()).toMatchObject({ audiences: ['raadslid', 'griffier'], status: 'concept' });
    expect(audienceLines().map((l) => l.summary)).toEqual([
      'Fatima El Idrissi (redacteur@kopij.test) koos de ontvangers van Raadsbericht 24: alleen raadsleden en griffiers',
    ]);

    // Groups ticked while "Alle abonnees" is chosen do not count.
    const all = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'alle',
      groep: 'griffier',
    });
    expect(all).toMatchObject({ status: 'ok' });
    expect(stored().audiences).toBeNull();
  });

  it('returns an approved issue to concept: who gets it is approved again', async () => {
    database().update(issues).set({ status: 'approved' }).where(eq(issues.id, issueId)).run();
    database().transaction((tx) => freezeSentItems(tx, issueId));
    const version = stored().version;
    signInAs('hoofdredactie@kopij.test');

    // The same choice as before is no change.
    const same = await saveAudience(idle, { issueId: String(issueId), ontvangers: 'alle' });
    expect(same).toMatchObject({ status: 'ok' });
    expect(stored().status).toBe('approved');

    const result = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'groepen',
      groep: 'griffier',
    });
    expect(result.message).toContain('terug naar concept');
    const issue = stored();
    expect(issue).toMatchObject({ status: 'concept', approvedAt: null, audiences: ['griffier'] });
    // Four-eyes: the chief editor who chose the audience is its last author.
    expect(issue.contentChangedBy).toBe(state.editor!.id);
    // The builder on the same page keeps saving on its version.
    expect(issue.version).toBe(version);
    expect(
      database().select().from(sentItems).where(eq(sentItems.issueId, issueId)).all(),
    ).toHaveLength(0);
  });

  it('leaves the audience of a scheduled issue alone', async () => {
    database().update(issues).set({ status: 'scheduled' }).where(eq(issues.id, issueId)).run();
    const result = await saveAudience(idle, {
      issueId: String(issueId),
      ontvangers: 'groepen',
      groep: 'griffier',
    });
    expect(result).toMatchObject({ status: 'conflict' });
    expect(stored()).toMatchObject({ status: 'scheduled', audiences: null });
  });
});
