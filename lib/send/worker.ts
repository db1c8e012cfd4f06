import { runControl } from './control-loop';
import { releaseLease } from './lease';
import { runLane } from './lane';
import { messageIdOf } from './messages';
import { requeueUnsent } from './queue';
import { workerContext, type WorkerContext, type WorkerOptions } from './worker-context';

/*
 * Crash safety: what a kill -9 at any moment can and cannot do.
 *
 * A delivery goes queued → sending (claimed, committed: claim.ts) → handed to SMTP → sent
 * (committed together with the copies answered around the same moment: as soon as
 * `concurrency` of them wait, else a few milliseconds after the server's 250; record in
 * bookkeeping.ts). SMTP cannot make the hand-over and our bookkeeping one atomic step, so we
 * choose at-least-once:
 *
 * - A restart turns every row still marked "sending" into a retry (recoverOrphans in queue.ts,
 *   run by whichever worker takes the lease). Those are the messages in flight at the crash
 *   (claimed, and not yet answered or answered but not yet written); only they can reach a
 *   reader twice, and only when the server accepted them in the moments before the crash.
 * - A resent copy carries the first copy's Message-ID (it depends on the delivery, not the
 *   attempt: messageIdOf in messages.ts), so receiving systems can recognise and drop it.
 * - A row recorded as sent is never claimed again: claims only take queued and retry rows.
 * - A copy the relay failed before taking it (no connection, login or MAIL FROM refused:
 *   classify.ts) goes back to the queue as if never claimed (bookkeeping.ts); the server never
 *   saw it, so this adds nothing to the in-flight window, and no reader is blamed for it.
 *
 * The in-flight window is at most `concurrency` messages on their way, fewer than `concurrency`
 * answered ones waiting (milliseconds) to be written with their batch, and a small claimed batch
 * that has not been handed over yet (those are resent without harm: the server never saw them).
 * Stopping writes the waiting ones before it lets go of the lease.
 * lib/send/crash.test.ts kills a sending process at random moments and checks all of this.
 */

export type { WorkerOptions };
export type SendWorker = { stop(): Promise<void>; readonly holder: string };

/**
 * The sender: `concurrency` lanes, each an SMTP connection sending claimed jobs (lane.ts), and
 * one control loop that keeps the lease, starts scheduled issues and closes finished sends
 * (control-loop.ts). Only the holder of the lease claims anything.
 */
export function startWorker(options: WorkerOptions): SendWorker {
  const ctx = workerContext(options);
  const running = Promise.all([
    runControl(ctx),
    ...Array.from({ length: options.concurrency }, () => runLane(ctx)),
  ]);
  return { holder: ctx.holder, stop: () => stopWorker(ctx, running) };
}

/** Stops once the copies in flight are answered; claimed copies not handed over go back. */
async function stopWorker(ctx: WorkerContext, running: Promise<unknown>) {
  ctx.stopping = true;
  await running;
  ctx.books.flush();
  requeueUnsent(
    ctx.database,
    ctx.buffer.splice(0).map((job) => job.id),
  );
  if (ctx.holding) releaseLease(ctx.database, 'sender', ctx.holder);
}

export { messageIdOf };
