import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters, subscriptions } from '@/db/schema';

export type NewsletterFigures = {
  id: number;
  name: string;
  slug: string;
  activeSubscriptions: number;
  pendingSubscriptions: number;
  /** Concept, in review, approved or scheduled: issues still to go out. */
  openIssues: number;
  lastSent: { id: number; number: number; sentAt: Date } | null;
};

const open = ['concept', 'review', 'approved', 'scheduled'] as const;

/** The dashboard's figures per active newsletter, by name: readers, work in progress, last send. */
export function newsletterFigures(database: Tx): NewsletterFigures[] {
  const rows = database
    .select({ id: newsletters.id, name: newsletters.name, slug: newsletters.slug })
    .from(newsletters)
    .where(isNull(newsletters.archivedAt))
    .orderBy(asc(newsletters.name))
    .all();
  const perStatus = database
    .select({ id: subscriptions.newsletterId, status: subscriptions.status, n: count() })
    .from(subscriptions)
    .groupBy(subscriptions.newsletterId, subscriptions.status)
    .all();
  const openCounts = database
    .select({ id: issues.newsletterId, n: count() })
    .from(issues)
    .where(inArray(issues.status, [...open]))
    .groupBy(issues.newsletterId)
    .all();
  const subscriptionsOf = (id: number, status: string) =>
    perStatus.find((r) => r.id === id && r.status === status)?.n ?? 0;
  return rows.map((n) => {
    const last = database
      .select({ id: issues.id, number: issues.number, sentAt: issues.sentAt })
      .from(issues)
      .where(and(eq(issues.newsletterId, n.id), eq(issues.status, 'sent')))
      .orderBy(desc(issues.sentAt), desc(issues.id))
      .get();
    return {
      ...n,
      activeSubscriptions: subscriptionsOf(n.id, 'active'),
      pendingSubscriptions: subscriptionsOf(n.id, 'pending'),
      openIssues: openCounts.find((r) => r.id === n.id)?.n ?? 0,
      lastSent: last ? { id: last.id, number: last.number, sentAt: last.sentAt! } : null,
    };
  });
}
