import { teaserColumns } from '@/lib/items/schema';
import { fromPlainText, toSearchText } from '@/lib/richtext/plain';
import { simpleParser } from 'mailparser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { issues, items, newsletters, users } from '@/db/schema';
import { sentIssue } from '@/lib/archive/queries';
import { emailSource } from '@/lib/email/source';
import { loadIssueDocument } from '@/lib/issue/load';
import { takeStep, type StepInput } from '@/lib/issue/transition';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend, waitForStatus } from '@/lib/test/send-fixture';
import { sendHarness, TEST_PUBLIC_URL } from '@/lib/test/send-harness';

// "What was approved is what is sent": a library item edited after approval does not change the
// mail, the archive or the preview of the approved issue; a fresh approval takes the new text.

const harness = sendHarness();
const APPROVED = {
  title: 'Goedgekeurde titel van het openingsitem',
  teaser: 'Goedgekeurde teaser.',
};
const LATER = { title: 'Later gewijzigde titel', teaser: 'Later gewijzigde teaser.' };

/** An item's title and teaser as the item form writes them: the teaser as a document too. */
const written = ({ title, teaser }: { title: string; teaser: string }) => ({
  title,
  ...teaserColumns(fromPlainText(teaser, { headings: false })),
});

const editor = (database: Db, email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role, label: u.name! };
};

/** The fixture's issue back in review, its lead item (which every reader gets) with APPROVED. */
function reviewed(database: Db) {
  const fixture = sendFixture(database, 12);
  const author = editor(database, 'redacteur@kopij.test');
  database
    .update(issues)
    .set({ status: 'review', contentChangedBy: author.id })
    .where(eq(issues.id, fixture.issueId))
    .run();
  const leadId = loadIssueDocument(database, fixture.issueId)!.document.lead!.itemId;
  database.update(items).set(written(APPROVED)).where(eq(items.id, leadId)).run();
  const step = (s: StepInput['step'], email: string) => {
    const result = database.transaction((tx) =>
      takeStep(tx, { issueId: fixture.issueId, step: s, editor: editor(database, email) }),
    );
    if (!result.ok) throw new Error(result.message);
  };
  return { ...fixture, leadId, step };
}

const leadTitle = (database: Db, issueId: number, leadId: number) =>
  emailSource(database, issueId, TEST_PUBLIC_URL, { approvedText: true })!.items.get(leadId)!;

/** Sends the issue to the loopback server and returns every copy's text and HTML. */
async function sendAndRead(database: Db, issueId: number) {
  const smtp = await harness.smtp();
  startFixtureSend(database, issueId);
  harness.run(database, smtp.url);
  await waitForStatus(database, issueId, 'sent');
  expect(smtp.messages).toHaveLength(12);
  return Promise.all(
    smtp.messages.map(async (m) => {
      const parsed = await simpleParser(m.raw);
      return `${parsed.text}\n${String(parsed.html)}`;
    }),
  );
}

function archived(database: Db, issueId: number) {
  const issue = database
    .select({ slug: issues.slug, newsletter: newsletters.slug })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get()!;
  const lead = sentIssue(database, issue.newsletter, issue.slug, TEST_PUBLIC_URL)!.content.lead!;
  return { title: lead.title, teaser: toSearchText(lead.teaser) };
}

describe('an item edited after approval', () => {
  it('is sent, archived and previewed with the approved text in every copy', async () => {
    const database = testDb();
    const { issueId, leadId, step } = reviewed(database);
    step('approve', 'hoofdredactie@kopij.test');
    database.update(items).set(written(LATER)).where(eq(items.id, leadId)).run();

    expect(leadTitle(database, issueId, leadId)).toMatchObject(APPROVED);
    const copies = await sendAndRead(database, issueId);
    for (const copy of copies) {
      expect(copy).toContain(APPROVED.title);
      expect(copy).toContain(APPROVED.teaser);
      expect(copy).not.toContain(LATER.title);
      expect(copy).not.toContain(LATER.teaser);
    }
    expect(archived(database, issueId)).toMatchObject(APPROVED);
  });

  it('is sent with the new text after the issue went back to concept and was approved again', async () => {
    const database = testDb();
    const { issueId, leadId, step } = reviewed(database);
    step('approve', 'hoofdredactie@kopij.test');
    database.update(items).set(written(LATER)).where(eq(items.id, leadId)).run();
    step('sendBack', 'hoofdredactie@kopij.test');
    // Back in concept the builder and preview follow the library again.
    expect(leadTitle(database, issueId, leadId)).toMatchObject(LATER);
    step('requestReview', 'redacteur@kopij.test');
    step('approve', 'hoofdredactie@kopij.test');
    expect(leadTitle(database, issueId, leadId)).toMatchObject(LATER);

    const copies = await sendAndRead(database, issueId);
    for (const copy of copies) {
      expect(copy).toContain(LATER.title);
      expect(copy).toContain(LATER.teaser);
      expect(copy).not.toContain(APPROVED.title);
    }
    expect(archived(database, issueId)).toMatchObject(LATER);
  });
});
