import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliveries, issues, newsletters, subscribers, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { whatNeedsMe } from './dashboard';
import { takeStep } from './transition';

function setup() {
  const database = testDb();
  seed(database);
  const id = (email: string) =>
    database.select().from(users).where(eq(users.email, email)).get()!.id;
  const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  return {
    database,
    draft,
    author: id('redacteur@kopij.test'),
    chief: id('hoofdredactie@kopij.test'),
  };
}

describe('whatNeedsMe', () => {
  it('lists a review for a chief editor who did not write it, never for its author or a redacteur', () => {
    const { database, draft, author, chief } = setup();
    database
      .update(issues)
      .set({ status: 'review', contentChangedBy: author })
      .where(eq(issues.id, draft.id))
      .run();
    expect(
      whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).reviews.map((r) => r.id),
    ).toEqual([draft.id]);
    expect(whatNeedsMe(database, { id: author, role: 'redacteur' }).reviews).toEqual([]);
    database.update(issues).set({ contentChangedBy: chief }).where(eq(issues.id, draft.id)).run();
    expect(whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).reviews).toEqual([]);
    database.update(newsletters).set({ fourEyes: false }).run();
    expect(whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).reviews).toHaveLength(1);
  });

  it('lists my drafts, the next scheduled issue and the last sent one with its delivery counts', () => {
    const { database, draft, author, chief } = setup();
    database.update(issues).set({ contentChangedBy: author }).where(eq(issues.id, draft.id)).run();
    expect(
      whatNeedsMe(database, { id: author, role: 'redacteur' }).drafts.map((d) => d.id),
    ).toEqual([draft.id]);
    expect(whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).drafts).toEqual([]);

    const at = new Date(Date.now() + 3_600_000);
    database
      .update(issues)
      .set({ status: 'scheduled', scheduledAt: at })
      .where(eq(issues.id, draft.id))
      .run();
    expect(
      whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).nextScheduled,
    ).toMatchObject({ id: draft.id, scheduledAt: at });

    const sent = database
      .select()
      .from(issues)
      .where(eq(issues.status, 'sent'))
      .orderBy(issues.sentAt)
      .all()
      .at(-1)!;
    const [a, b, c] = database.select().from(subscribers).limit(3).all();
    database
      .insert(deliveries)
      .values([
        { issueId: sent.id, subscriberId: a!.id, status: 'sent' },
        { issueId: sent.id, subscriberId: b!.id, status: 'sent' },
        { issueId: sent.id, subscriberId: c!.id, status: 'failed' },
      ])
      .run();
    const view = whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' });
    expect(view.lastSent?.id).toBe(sent.id);
    expect(view.deliverySummary).toEqual({ sent: 2, failed: 1 });
    expect(view.failed).toEqual([
      {
        issueId: sent.id,
        number: sent.number,
        newsletterName: 'Raadsbericht',
        titlePattern: '{naam} {nummer}',
        n: 1,
      },
    ]);
  });

  it('lists a send the sender paused itself, with the reason, and not one an editor paused', () => {
    const { database, draft, chief } = setup();
    const reason =
      'De mailserver weigert de inlog (535): controleer gebruiker en wachtwoord in SMTP_URL.';
    database
      .update(issues)
      .set({ status: 'sending', sendPausedAt: new Date(), sendPauseReason: reason })
      .where(eq(issues.id, draft.id))
      .run();
    const view = whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' });
    expect(view.paused).toMatchObject([{ id: draft.id, reason }]);
    database.update(issues).set({ sendPauseReason: null }).where(eq(issues.id, draft.id)).run();
    expect(whatNeedsMe(database, { id: chief, role: 'hoofdredacteur' }).paused).toEqual([]);
  });

  it('shows the author the note a draft was sent back with, until it is offered again', () => {
    const { database, draft, author, chief } = setup();
    const step = (s: 'requestReview' | 'sendBack', id: string, note?: string) => {
      const result = database.transaction((tx) =>
        takeStep(tx, {
          issueId: draft.id,
          step: s,
          editor: { id, role: id === chief ? 'hoofdredacteur' : 'redacteur', label: 'X' },
          note,
        }),
      );
      expect(result.ok).toBe(true);
    };
    database.update(issues).set({ contentChangedBy: author }).where(eq(issues.id, draft.id)).run();
    const mine = () => whatNeedsMe(database, { id: author, role: 'redacteur' }).drafts;
    expect(mine()[0]!.sentBack).toBeNull();
    step('requestReview', author);
    step('sendBack', chief, 'Maak het onderwerp korter, graag.');
    expect(mine()[0]!.sentBack).toMatchObject({ note: 'Maak het onderwerp korter, graag.' });
    step('requestReview', author);
    step('sendBack', chief);
    // Sent back again without a note: the old note is not shown as if it were new.
    expect(mine()[0]!.sentBack).toBeNull();
  });
});
