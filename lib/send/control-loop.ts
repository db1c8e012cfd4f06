import { completeIfDone } from './complete';
import { acquireLease, renewLease } from './lease';
import { activeIssueIds, pendingCount, recoverOrphans } from './queue';
import { startDueIssues } from './scheduler';
import { sleep, type WorkerContext } from './worker-context';

/**
 * Takes the lease when it is free, or renews it (the heartbeat). A worker that takes it first
 * puts back what a dead holder left in flight; one that lost it drops its claimed jobs.
 */
function keepLease(ctx: WorkerContext) {
  if (!ctx.holding) {
    ctx.holding = acquireLease(ctx.database, 'sender', ctx.holder, ctx.leaseMs);
    if (!ctx.holding) return;
    const orphans = recoverOrphans(ctx.database);
    if (orphans)
      ctx.log(`${orphans} bezorging(en) van een afgebroken verzending worden opnieuw verstuurd`);
  } else if (!renewLease(ctx.database, 'sender', ctx.holder)) {
    ctx.holding = false;
    ctx.buffer.length = 0;
    ctx.log('een ander proces heeft de verzending overgenomen');
  }
}

/** Closes every active send with nothing left to do. */
function finishIdleIssues(ctx: WorkerContext) {
  for (const issueId of activeIssueIds(ctx.database)) {
    if (pendingCount(ctx.database, issueId) > 0) continue;
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
