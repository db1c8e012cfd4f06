import { and, count, eq, gte } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, issues, subscribers } from '@/db/schema';
import { deliveryCounts, type DeliveryCounts } from './complete';

export type SendProgress = DeliveryCounts & {
  remaining: number;
  /** Copies per second over the last minute (or since the start, when that is shorter). */
  rate: number;
  /** Seconds until done at that rate; null while nothing is measured yet. */
  etaSeconds: number | null;
  paused: boolean;
  /** Why the sender paused the send itself (the mail server failed); null for an editor's pause. */
  pauseReason: string | null;
  cancelled: boolean;
  startedAt: Date | null;
};

export function sendProgress(database: Tx, issueId: number, now = new Date()): SendProgress | null {
  const issue = database
    .select({
      startedAt: issues.sendStartedAt,
      pausedAt: issues.sendPausedAt,
      pauseReason: issues.sendPauseReason,
      cancelledAt: issues.sendCancelledAt,
    })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
  if (!issue) return null;
  const counts = deliveryCounts(database, issueId);
  const remaining = counts.queued + counts.retry + counts.sending;
  const windowStart = new Date(
    Math.max(now.getTime() - 60_000, issue.startedAt?.getTime() ?? now.getTime()),
  );
  const seconds = Math.max(1, (now.getTime() - windowStart.getTime()) / 1000);
  const recent = database
    .select({ n: count() })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.issueId, issueId),
        eq(deliveries.status, 'sent'),
        gte(deliveries.sentAt, windowStart),
      ),
    )
    .get()!.n;
  const rate = recent / seconds;
  return {
    ...counts,
    remaining,
    rate,
    etaSeconds: rate > 0 && remaining > 0 ? Math.ceil(remaining / rate) : null,
    paused: Boolean(issue.pausedAt),
    pauseReason: issue.pausedAt ? issue.pauseReason : null,
    cancelled: Boolean(issue.cancelledAt),
    startedAt: issue.startedAt,
  };
}

/** The first failed copies of a send with the server's answer, for the summary. */
export function failedDeliveries(database: Tx, issueId: number, limit = 20) {
  return database
    .select({ email: subscribers.email, error: deliveries.lastError })
    .from(deliveries)
    .leftJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .where(and(eq(deliveries.issueId, issueId), eq(deliveries.status, 'failed')))
    .limit(limit)
    .all();
}
