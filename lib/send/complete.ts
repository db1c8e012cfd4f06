import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { deliveries, deliveryStatuses, issues, newsletters } from '@/db/schema';
import { indexSentIssue } from '@/lib/archive/search';
import { recordAudit } from '@/lib/audit';
import { pendingCount } from './queue';
import { failureHeadline } from './summary';
import { issueTitle } from '@/lib/newsletters/title';

export type DeliveryCounts = Record<(typeof deliveryStatuses)[number], number> & { total: number };

export function deliveryCounts(database: Tx, issueId: number): DeliveryCounts {
  const counts = Object.fromEntries(deliveryStatuses.map((s) => [s, 0])) as DeliveryCounts;
  counts.total = 0;
  for (const row of database
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .where(eq(deliveries.issueId, issueId))
    .groupBy(deliveries.status)
    .all()) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/**
 * Closes a send once every delivery has a final outcome: none queued, waiting for a retry or in
 * flight. A relay failure never gives a copy one (bookkeeping.ts puts it back), so a send whose
 * mail server is down stays "bezig" and paused instead of looking done. The issue becomes
 * "verzonden" (and public in the archive); a send cancelled before anyone got it goes back to
 * "goedgekeurd" so it can be sent later. A send where most copies failed says so in the log.
 */
export function completeIfDone(
  database: Db,
  issueId: number,
  now = new Date(),
): { status: 'sent' | 'approved' } | null {
  return database.transaction((tx) => {
    const issue = tx
      .select({
        status: issues.status,
        number: issues.number,
        cancelledAt: issues.sendCancelledAt,
        name: newsletters.name,
        titlePattern: newsletters.titlePattern,
      })
      .from(issues)
      .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
      .where(eq(issues.id, issueId))
      .get();
    if (issue?.status !== 'sending') return null;
    const open = pendingCount(tx, issueId);
    if (open > 0) return null;
    const c = deliveryCounts(tx, issueId);
    const status = issue.cancelledAt && c.sent === 0 ? 'approved' : 'sent';
    tx.update(issues)
      .set({
        status,
        updatedAt: now,
        ...(status === 'sent'
          ? { sentAt: now }
          : { sendStartedAt: null, sendCancelledAt: null, sendPausedAt: null }),
      })
      .where(eq(issues.id, issueId))
      .run();
    if (status === 'sent') indexSentIssue(tx, issueId);
    const title = issueTitle(issue, issue.number);
    recordAudit(tx, {
      actor: { id: null, label: 'Kopij (verzending)' },
      action: status === 'sent' ? 'issue.sent' : 'issue.sendCancelled',
      entityType: 'issue',
      entityId: issueId,
      summary:
        status === 'sent'
          ? `${title} is verzonden${issue.cancelledAt ? ' (geannuleerd)' : ''}: ${c.sent} afgeleverd, ${c.failed} mislukt, ${c.skipped} overgeslagen${headlineOf(c)}`
          : `De verzending van ${title} is geannuleerd voordat iemand het ontving`,
      details: { sent: c.sent, failed: c.failed, skipped: c.skipped },
    });
    return { status };
  });
}

const headlineOf = (c: DeliveryCounts) => {
  const headline = failureHeadline(c);
  return headline ? `. ${headline}` : '';
};
