import type { Db } from '@/db';

// The state of the queue as the control loop and an idle lane see it: what is left, what is
// due when, and putting rows back after a crash or a stop. None of this runs per copy.

/** Deliveries of an issue that are not finished yet (queued, waiting for a retry, in flight). */
export function pendingCount(database: Db, issueId: number): number {
  return (
    database.$client
      .prepare(
        `select count(*) as n from deliveries where issue_id = ? and status in ('queued', 'retry', 'sending')`,
      )
      .get(issueId) as { n: number }
  ).n;
}

/** Issues being sent and not paused, in the order their sends started. */
export function activeIssueIds(database: Db): number[] {
  return (
    database.$client
      .prepare(
        `select id from issues where status = 'sending' and send_paused_at is null order by send_started_at, id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

/** When the earliest retry is due, so an idle worker sleeps just long enough. */
export function nextRetryAt(database: Db): number | null {
  return (
    database.$client
      .prepare(
        `select min(next_attempt_at) as at from deliveries d join issues i on i.id = d.issue_id where i.status = 'sending' and i.send_paused_at is null and d.status = 'retry'`,
      )
      .get() as { at: number | null }
  ).at;
}

/** Deliveries left in flight by a process that died: they go out again (see worker.ts). */
export function recoverOrphans(database: Db, now = Date.now()): number {
  return database.$client
    .prepare(
      `update deliveries set status = 'retry', next_attempt_at = ?, updated_at = ? where status = 'sending'`,
    )
    .run(now, now).changes;
}

/** Claimed but never handed over (the worker stopped): back in the queue for whoever sends next. */
export function requeueUnsent(database: Db, deliveryIds: number[]) {
  for (const id of deliveryIds)
    database.$client
      .prepare(
        `update deliveries set status = 'retry', next_attempt_at = null where id = ? and status = 'sending'`,
      )
      .run(id);
}
