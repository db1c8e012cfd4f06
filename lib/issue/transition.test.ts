import { formatDateTime } from '@/lib/format';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, issues, newsletters, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { notifyAddresses, takeStep, type StepInput } from './transition';

let database: Db;
let draft: typeof issues.$inferSelect;
const editor = (email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role, label: u.name! };
};

beforeEach(() => {
  database = testDb();
  seed(database);
  draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  // The redacteur wrote the content.
  database
    .update(issues)
    .set({ contentChangedBy: editor('redacteur@kopij.test').id })
    .where(eq(issues.id, draft.id))
    .run();
});

const step = (input: Partial<StepInput> & Pick<StepInput, 'step' | 'editor'>) =>
  database.transaction((tx) =>
    takeStep(tx, { issueId: draft.id, version: draft.version, ...input }),
  );
const status = () => database.select().from(issues).where(eq(issues.id, draft.id)).get()!;

describe('takeStep', () => {
  it('walks concept → review → approved → scheduled → approved, logging each step with names', () => {
    const author = editor('redacteur@kopij.test');
    const chief = editor('hoofdredactie@kopij.test');
    const at = new Date(Date.now() + 60_000);
    expect(step({ step: 'requestReview', editor: author })).toMatchObject({
      ok: true,
      from: 'concept',
      to: 'review',
    });
    expect(step({ step: 'approve', editor: chief })).toMatchObject({ ok: true, to: 'approved' });
    expect(status()).toMatchObject({
      status: 'approved',
      approvedBy: chief.id,
      version: draft.version,
    });
    expect(step({ step: 'schedule', editor: chief, scheduledAt: at })).toMatchObject({
      ok: true,
      to: 'scheduled',
    });
    expect(status().scheduledAt).toEqual(at);
    expect(step({ step: 'unschedule', editor: chief })).toMatchObject({ ok: true, to: 'approved' });
    expect(status().scheduledAt).toBeNull();

    const log = database.select().from(auditLog).where(eq(auditLog.entityType, 'issue')).all();
    expect(log.map((l) => [l.action, l.actorLabel])).toEqual([
      ['issue.requestReview', 'Fatima El Idrissi'],
      ['issue.approve', 'Pieter Jansen'],
      ['issue.schedule', 'Pieter Jansen'],
      ['issue.unschedule', 'Pieter Jansen'],
    ]);
    expect(log[0]!.summary).toBe(
      `Fatima El Idrissi bood ter review aan Raadsbericht ${draft.number}`,
    );
    // The moment in Dutch time, as the page that planned it said it; not a UTC ISO string.
    expect(log[2]!.summary).toBe(
      `Pieter Jansen plande in Raadsbericht ${draft.number} voor ${formatDateTime(at)}`,
    );
    expect(log[2]!.summary).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses approval by the last author (four-eyes) and changes nothing', () => {
    database
      .update(issues)
      .set({ status: 'review', contentChangedBy: editor('hoofdredactie@kopij.test').id })
      .where(eq(issues.id, draft.id))
      .run();
    expect(step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Vier-ogenprincipe'),
    });
    expect(status().status).toBe('review');
    expect(
      database.select().from(auditLog).where(eq(auditLog.entityType, 'issue')).all(),
    ).toHaveLength(0);
  });

  it('allows it when the newsletter turned four-eyes off', () => {
    database.update(newsletters).set({ fourEyes: false }).run();
    database
      .update(issues)
      .set({ status: 'review', contentChangedBy: editor('hoofdredactie@kopij.test').id })
      .where(eq(issues.id, draft.id))
      .run();
    expect(step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a step on content that changed since the editor looked', () => {
    expect(
      step({
        step: 'requestReview',
        editor: editor('redacteur@kopij.test'),
        version: draft.version - 1,
      }),
    ).toMatchObject({ ok: false, status: 'conflict' });
  });

  it('refuses a send of an issue that was never approved, and a redacteur’s approval', () => {
    expect(step({ step: 'startSend', editor: editor('redactie@kopij.test') })).toMatchObject({
      ok: false,
      status: 'conflict',
    });
    database.update(issues).set({ status: 'review' }).where(eq(issues.id, draft.id)).run();
    expect(step({ step: 'approve', editor: editor('redacteur@kopij.test') })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Alleen'),
    });
    expect(status().status).toBe('review');
  });

  it('keeps the note of a send-back in the log', () => {
    database.update(issues).set({ status: 'review' }).where(eq(issues.id, draft.id)).run();
    step({
      step: 'sendBack',
      editor: editor('hoofdredactie@kopij.test'),
      note: 'Het openingsitem mag korter.',
    });
    expect(
      database.select().from(auditLog).where(eq(auditLog.action, 'issue.sendBack')).get()!.details,
    ).toMatchObject({ from: 'review', to: 'concept', note: 'Het openingsitem mag korter.' });
  });
});

describe('notifyAddresses', () => {
  it('tells reviewers about a review request, and the author about a send-back, never the actor', () => {
    const author = editor('redacteur@kopij.test');
    expect(notifyAddresses(database, 'requestReview', author.id, author.id).sort()).toEqual([
      'hoofdredactie@kopij.test',
      'redactie@kopij.test',
    ]);
    expect(
      notifyAddresses(database, 'sendBack', author.id, editor('hoofdredactie@kopij.test').id),
    ).toEqual(['redacteur@kopij.test']);
  });
});

describe('changes since the last review', () => {
  it('is null before any review, then lists what the author changed after a send-back', async () => {
    const { changesSinceReview } = await import('./review');
    const { loadIssueDocument } = await import('./load');
    const { saveIssueDocument } = await import('./save');
    const author = editor('redacteur@kopij.test');
    const chief = editor('hoofdredactie@kopij.test');
    const titles = () => undefined;
    const current = () => loadIssueDocument(database, draft.id)!.document;
    expect(changesSinceReview(database, draft.id, current(), titles)).toBeNull();

    step({ step: 'requestReview', editor: author });
    step({ step: 'sendBack', editor: chief, note: 'Korter.' });
    expect(changesSinceReview(database, draft.id, current(), titles)).toEqual([]);

    const doc = current();
    const moved = doc.sections.find((s) => s.blocks.length)!;
    database.transaction((tx) =>
      saveIssueDocument(tx, {
        issueId: draft.id,
        version: status().version,
        document: {
          ...doc,
          subject: 'Korter',
          sections: doc.sections.map((s) =>
            s === moved ? { ...s, blocks: s.blocks.slice(1) } : s,
          ),
        },
        editorId: author.id,
      }),
    );
    const changes = changesSinceReview(database, draft.id, current(), (id) => `item ${id}`);
    expect(changes).toContain('Onderwerp gewijzigd in “Korter”');
    expect(changes!.some((c) => c.startsWith('Verwijderd: item '))).toBe(true);
  });
});

describe('review comments', () => {
  it('keeps remarks on the issue or on one of its blocks, with the block’s label, and refuses a foreign block', async () => {
    const { addComment, listComments, commentInput } = await import('./comments');
    const { loadIssueDocument } = await import('./load');
    const { allBlocks } = await import('./document');
    const chief = editor('hoofdredactie@kopij.test');
    const doc = loadIssueDocument(database, draft.id)!.document;
    const block = allBlocks(doc)[0]!;
    const add = (input: Record<string, unknown>) =>
      database.transaction((tx) =>
        addComment(
          tx,
          commentInput.parse({ issueId: draft.id, ...input }),
          chief,
          doc,
          () => 'Het openingsitem',
        ),
      );
    expect(add({ body: '  Mooi nummer.  ' })).toBeNull();
    expect(add({ body: 'Korter graag.', blockId: block.id })).toBeNull();
    expect(add({ body: 'Elders', blockId: 'niet-van-dit-nummer' })).toMatch(/staat niet/);
    expect(commentInput.safeParse({ issueId: draft.id, body: '   ' }).success).toBe(false);
    expect(
      listComments(database, draft.id).map((c) => [c.body, c.blockLabel, c.authorLabel]),
    ).toEqual([
      ['Mooi nummer.', null, 'Pieter Jansen'],
      ['Korter graag.', 'Het openingsitem', 'Pieter Jansen'],
    ]);
  });
});
