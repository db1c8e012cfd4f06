import { and, asc, count, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, issues } from '@/db/schema';

// The state of the queue as the control loop and an idle lane see it: what is left, what is
// due when, and putting rows back after a crash or a stop. None of this runs per copy.

const open = (issueId: number) =>
  and(eq(deliveries.issueId, issueId), inArray(deliveries.status, ['queued', 'retry', 'sending']));

/** Deliveries of an issue that are not finished yet (queued, waiting for a retry, in flight). */
export function pendingCount(database: Tx, issueId: number): number {
  return database.select({ n: count() }).from(deliveries).where(open(issueId)).get()!.n;
}

/** Whether any is left: what the control loop asks every tick, without counting a large send. */
export function hasPending(database: Tx, issueId: number): boolean {
  return !!database
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(open(issueId))
    .limit(1)
    .get();
}

/**
 * Scheduled issues whose moment has come: what the planner starts (scheduler.ts), and what
 * readiness expects a running sender for (lib/observe/health-send.ts).
 */
export const dueScheduled = (now: Date) =>
  and(eq(issues.status, 'scheduled'), lte(issues.scheduledAt, now));

/** Issues being sent and not paused, in the order their sends started: they take turns. */
export function activeIssues(database: Tx) {
  return database
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.status, 'sending'), isNull(issues.sendPausedAt)))
    .orderBy(asc(issues.sendStartedAt), asc(issues.id));
}

export function activeIssueIds(database: Tx): number[] {
  return activeIssues(database)
    .all()
    .map((r) => r.id);
}

/** When the earliest retry is due, so an idle worker sleeps just long enough. */
export function nextRetryAt(database: Tx): number | null {
  const row = database
    .select({ at: min(deliveries.nextAttemptAt) })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .where(
      and(
        eq(issues.status, 'sending'),
        isNull(issues.sendPausedAt),
        eq(deliveries.status, 'retry'),
      ),
    )
    .get();
  return row?.at?.getTime() ?? null;
}

/** Deliveries left in flight by a process that died: they go out again (see worker.ts). */
export function recoverOrphans(database: Tx, now = Date.now()): number {
  return database
    .update(deliveries)
    .set({ status: 'retry', nextAttemptAt: new Date(now), updatedAt: new Date(now) })
    .where(eq(deliveries.status, 'sending'))
    .run().changes;
}

/** Claimed but never handed over (the worker stopped): back in the queue for whoever sends next. */
export function requeueUnsent(database: Tx, deliveryIds: number[]) {
  if (deliveryIds.length === 0) return;
  database
    .update(deliveries)
    .set({ status: 'retry', nextAttemptAt: null })
    .where(and(inArray(deliveries.id, deliveryIds), eq(deliveries.status, 'sending')))
    .run();
}
