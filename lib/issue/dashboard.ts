import { sendBackNotes } from './review';
import { and, asc, count, desc, eq, gte, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, issues, newsletters, type EditorRole } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

// "What needs me" on the editors' start page. Takes the database so it can be tested directly.

type Editor = { id: string; role: EditorRole };

const issueFields = {
  id: issues.id,
  number: issues.number,
  subject: issues.subject,
  newsletterName: newsletters.name,
  titlePattern: newsletters.titlePattern,
  updatedAt: issues.updatedAt,
};

const issuesWithNewsletter = <T extends typeof issueFields>(database: Tx, fields: T) =>
  database
    .select(fields)
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId));

/** Issues waiting for review, oldest first, for chief editors and admins only. */
function reviewsFor(database: Tx, editor: Editor) {
  if (!hasRole(editor.role, 'hoofdredacteur')) return [];
  // Four-eyes makes an issue one last changed yourself someone else's review, so it is not listed.
  return issuesWithNewsletter(database, issueFields)
    .where(
      and(
        eq(issues.status, 'review'),
        or(
          eq(newsletters.fourEyes, false),
          isNull(issues.contentChangedBy),
          ne(issues.contentChangedBy, editor.id),
        ),
      ),
    )
    .orderBy(asc(issues.updatedAt))
    .all();
}

/** The editor's own drafts (written or created by them), most recently changed first. */
function draftsOf(database: Tx, editor: Editor) {
  return issuesWithNewsletter(database, issueFields)
    .where(
      and(
        eq(issues.status, 'concept'),
        or(eq(issues.contentChangedBy, editor.id), eq(issues.createdBy, editor.id)),
      ),
    )
    .orderBy(desc(issues.updatedAt))
    .all();
}

/** Sends with copies that failed in the last 30 days, and how many per issue. */
function recentFailures(database: Tx, now: Date) {
  return database
    .select({
      issueId: deliveries.issueId,
      number: issues.number,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
      n: count(),
    })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(
      and(
        eq(deliveries.status, 'failed'),
        gte(deliveries.updatedAt, new Date(now.getTime() - 30 * 86_400_000)),
      ),
    )
    .groupBy(deliveries.issueId)
    .all();
}

/** Sends the sender paused itself because the mail server failed, with the reason. */
function pausedByRelay(database: Tx) {
  return issuesWithNewsletter(database, { ...issueFields, reason: issues.sendPauseReason })
    .where(and(eq(issues.status, 'sending'), isNotNull(issues.sendPauseReason)))
    .orderBy(asc(issues.sendPausedAt))
    .all();
}

/** The last sent issue and its copies by status (skipped ones left out). */
function lastSend(database: Tx) {
  const lastSent = issuesWithNewsletter(database, { ...issueFields, sentAt: issues.sentAt })
    .where(and(eq(issues.status, 'sent'), isNotNull(issues.sentAt)))
    .orderBy(desc(issues.sentAt))
    .get();
  const deliverySummary = lastSent
    ? Object.fromEntries(
        database
          .select({ status: deliveries.status, n: count() })
          .from(deliveries)
          .where(and(eq(deliveries.issueId, lastSent.id), ne(deliveries.status, 'skipped')))
          .groupBy(deliveries.status)
          .all()
          .map((r) => [r.status, r.n]),
      )
    : {};
  return { lastSent, deliverySummary };
}

/** A draft that was sent back carries the reviewer's note, until it is offered again. */
function withSendBackNotes<T extends { id: number }>(database: Tx, drafts: T[]) {
  const notes = sendBackNotes(
    database,
    drafts.map((d) => d.id),
  );
  return drafts.map((d) => ({ ...d, sentBack: notes.get(d.id) ?? null }));
}

export function whatNeedsMe(database: Tx, editor: Editor, now = new Date()) {
  const nextScheduled = issuesWithNewsletter(database, {
    ...issueFields,
    scheduledAt: issues.scheduledAt,
  })
    .where(and(eq(issues.status, 'scheduled'), isNotNull(issues.scheduledAt)))
    .orderBy(asc(issues.scheduledAt))
    .get();
  return {
    reviews: reviewsFor(database, editor),
    drafts: withSendBackNotes(database, draftsOf(database, editor)),
    failed: recentFailures(database, now),
    paused: pausedByRelay(database),
    nextScheduled,
    ...lastSend(database),
  };
}
