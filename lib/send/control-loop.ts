import { completeIfDone } from './complete';
import { acquireLease, renewLease } from './lease';
import { activeIssueIds, hasPending, recoverOrphans } from './queue';
import { startDueIssues } from './scheduler';
import { sleep, type WorkerContext } from './worker-context';

/**
 * Takes the lease when it is free, or renews it (the heartbeat). A worker that takes it first
 * puts back what a dead holder left in flight; one that lost it drops its claimed jobs.
 *
 * The heartbeat is written every sixth of the lease, not on every tick: with a short poll it
 * was a commit every few milliseconds beside the lanes', and the lease only goes stale after
 * a whole `leaseMs` without one.
 */
function keepLease(ctx: WorkerContext, now = Date.now()) {
  if (!ctx.holding) {
    ctx.holding = acquireLease(ctx.database, 'sender', ctx.holder, ctx.leaseMs, now);
    if (!ctx.holding) return;
    ctx.heartbeatAt = now;
    const orphans = recoverOrphans(ctx.database);
    if (orphans)
      ctx.log(`${orphans} bezorging(en) van een afgebroken verzending worden opnieuw verstuurd`);
    return;
  }
  if (now - ctx.heartbeatAt < ctx.leaseMs / 6) return;
  ctx.heartbeatAt = now;
  if (!renewLease(ctx.database, 'sender', ctx.holder, now)) {
    ctx.holding = false;
    ctx.buffer.length = 0;
    ctx.log('een ander proces heeft de verzending overgenomen');
  }
}

/** Closes every active send with nothing left to do. */
function finishIdleIssues(ctx: WorkerContext) {
  for (const issueId of activeIssueIds(ctx.database)) {
    if (hasPending(ctx.database, issueId)) continue;
    const done = completeIfDone(ctx.database, issueId);
    if (!done) continue;
    ctx.messages.delete(issueId);
    ctx.log(
      `nummer ${issueId}: ${done.status === 'sent' ? 'verzonden' : 'verzending geannuleerd'}`,
    );
    ctx.options.onIssueDone?.(issueId, done.status);
  }
}

/** Lease, scheduler and completion: one slow loop beside the lanes. */
export async function runControl(ctx: WorkerContext) {
  while (!ctx.stopping) {
    try {
      keepLease(ctx);
      if (ctx.holding) {
        const due = startDueIssues(ctx.database, new Date(), {
          delivery: ctx.options.delivery,
          onHeld: (issueId, problems) =>
            ctx.log(
              `nummer ${issueId}: uit de planning gehaald, niet verzonden: ${problems.join(' ')}`,
            ),
        });
        for (const s of due)
          ctx.log(
            `nummer ${s.issueId}: ingeplande verzending gestart (${s.recipients} ontvangers)`,
          );
        if (ctx.buffer.length === 0) finishIdleIssues(ctx);
      }
    } catch (error) {
      ctx.log(`verzending: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(Math.min(ctx.options.pollMs, ctx.leaseMs / 3));
  }
}
