import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issues, items, users } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { loadIssueDocument } from './load';
import { saveIssueDocument } from './save';
import { hasFrozenItems, itemsChangedSinceFreeze, sentItemsOf } from './sent-items';
import { takeStep, type StepInput } from './transition';

// "What was approved is what is sent": the items' texts are frozen with the approval and go
// with it. The send and archive side is in lib/send/approved-text.test.ts.

let database: Db;
let issueId: number;
const editor = (email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role, label: u.name! };
};
const step = (input: Pick<StepInput, 'step' | 'editor'>) =>
  database.transaction((tx) => takeStep(tx, { issueId, ...input }));
const leadItem = () => loadIssueDocument(database, issueId)!.document.lead!.itemId;
const editItem = (id: number, title: string) =>
  database
    .update(items)
    .set({ title, teaser: `${title}: nieuwe teaser` })
    .where(eq(items.id, id))
    .run();

beforeEach(() => {
  database = testDb();
  seed(database);
  issueId = database.select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
  database
    .update(issues)
    .set({ status: 'review', contentChangedBy: editor('redacteur@kopij.test').id })
    .where(eq(issues.id, issueId))
    .run();
});

describe('the items frozen at approval', () => {
  it('are copied by the approval, every placed item with its text at that moment', () => {
    expect(hasFrozenItems(database, issueId)).toBe(false);
    expect(step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') })).toMatchObject({
      ok: true,
    });
    const doc = loadIssueDocument(database, issueId)!.document;
    const placed = [doc.lead!, ...doc.sections.flatMap((s) => s.blocks)].map((b) => b.itemId);
    const frozen = sentItemsOf(database, issueId);
    expect([...frozen.keys()].sort((a, b) => a - b)).toEqual(
      [...new Set(placed)].sort((a, b) => a - b),
    );
    const lead = database.select().from(items).where(eq(items.id, leadItem())).get()!;
    expect(frozen.get(lead.id)).toMatchObject({ title: lead.title, teaser: lead.teaser });
  });

  it('name the library items edited since, by their approved title, until sent back', () => {
    step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') });
    const id = leadItem();
    const approvedTitle = sentItemsOf(database, issueId).get(id)!.title;
    expect(itemsChangedSinceFreeze(database, issueId)).toEqual([]);
    editItem(id, 'Later herschreven');
    expect(itemsChangedSinceFreeze(database, issueId)).toEqual([
      { itemId: id, title: approvedTitle },
    ]);
    // The frozen copy itself is untouched.
    expect(sentItemsOf(database, issueId).get(id)!.title).toBe(approvedTitle);

    expect(step({ step: 'sendBack', editor: editor('hoofdredactie@kopij.test') })).toMatchObject({
      ok: true,
      to: 'concept',
    });
    expect(hasFrozenItems(database, issueId)).toBe(false);
    expect(itemsChangedSinceFreeze(database, issueId)).toEqual([]);

    step({ step: 'requestReview', editor: editor('redacteur@kopij.test') });
    step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') });
    expect(sentItemsOf(database, issueId).get(id)).toMatchObject({
      title: 'Later herschreven',
      teaser: 'Later herschreven: nieuwe teaser',
    });
  });

  it('go when new content is saved on the approved issue (which is back to concept)', () => {
    step({ step: 'approve', editor: editor('hoofdredactie@kopij.test') });
    const issue = database.select().from(issues).where(eq(issues.id, issueId)).get()!;
    const doc = loadIssueDocument(database, issueId)!.document;
    const result = database.transaction((tx) =>
      saveIssueDocument(tx, {
        issueId,
        version: issue.version,
        document: { ...doc, subject: `${doc.subject} (bijgewerkt)` },
        editorId: editor('redacteur@kopij.test').id,
      }),
    );
    expect(result).toMatchObject({ status: 'ok' });
    expect(database.select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe(
      'concept',
    );
    expect(hasFrozenItems(database, issueId)).toBe(false);
  });
});
