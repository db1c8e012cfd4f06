import { and, asc, desc, eq, gte, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { deliveries, issues, newsletters, type EditorRole } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

// "What needs me" on the editors' start page. Takes the database so it can be tested directly.

const issueFields = {
  id: issues.id,
  number: issues.number,
  subject: issues.subject,
  newsletterName: newsletters.name,
  updatedAt: issues.updatedAt,
};

export function whatNeedsMe(
  database: Db,
  editor: { id: string; role: EditorRole },
  now = new Date(),
) {
  const base = () =>
    database
      .select(issueFields)
      .from(issues)
      .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId));

  // Four-eyes makes an issue one last changed yourself someone else's review, so it is not listed.
  const reviews = hasRole(editor.role, 'hoofdredacteur')
    ? base()
        .where(
          and(
            eq(issues.status, 'review'),
            or(
              eq(newsletters.fourEyes, false),
              sql`coalesce(${issues.contentChangedBy}, '') <> ${editor.id}`,
            ),
          ),
        )
        .orderBy(asc(issues.updatedAt))
        .all()
    : [];
  const drafts = base()
    .where(
      and(
        eq(issues.status, 'concept'),
        or(eq(issues.contentChangedBy, editor.id), eq(issues.createdBy, editor.id)),
      ),
    )
    .orderBy(desc(issues.updatedAt))
    .all();
  const failed = database
    .select({
      issueId: deliveries.issueId,
      number: issues.number,
      newsletterName: newsletters.name,
      n: sql<number>`count(*)`,
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

  const nextScheduled = database
    .select({ ...issueFields, scheduledAt: issues.scheduledAt })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(eq(issues.status, 'scheduled'), isNotNull(issues.scheduledAt)))
    .orderBy(asc(issues.scheduledAt))
    .get();
  const lastSent = database
    .select({ ...issueFields, sentAt: issues.sentAt })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(eq(issues.status, 'sent'), isNotNull(issues.sentAt)))
    .orderBy(desc(issues.sentAt))
    .get();
  const deliverySummary = lastSent
    ? Object.fromEntries(
        database
          .select({ status: deliveries.status, n: sql<number>`count(*)` })
          .from(deliveries)
          .where(and(eq(deliveries.issueId, lastSent.id), ne(deliveries.status, 'skipped')))
          .groupBy(deliveries.status)
          .all()
          .map((r) => [r.status, r.n]),
      )
    : {};
  return { reviews, drafts, failed, nextScheduled, lastSent, deliverySummary };
}
