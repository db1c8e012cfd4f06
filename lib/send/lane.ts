import { eq } from 'drizzle-orm';
import { issues } from '@/db/schema';
import { skipReason, type Job } from './jobs';
import { issueMessages, type IssueMessages } from './messages';
import { nextRetryAt } from './queue';
import { noteOutcome, relayWait } from './relay';
import type { Lane } from './transport';
import { sleep, type WorkerContext } from './worker-context';

/**
 * The next claimed job, claiming a new batch when none is left; none while the worker does not
 * hold the lease or is stopping. JavaScript runs one lane at a time between awaits and
 * better-sqlite3 is synchronous, so taking from the buffer and claiming never race between lanes.
 */
function nextJob(ctx: WorkerContext): Job | undefined {
  if (!ctx.holding || ctx.stopping) return undefined;
  if (ctx.buffer.length === 0) ctx.buffer.push(...ctx.claim(ctx.batch));
  return ctx.buffer.shift();
}

/** Waits for the next slot under the rate limit (messages per second over all lanes). */
async function pace(ctx: WorkerContext) {
  const { rate } = ctx.options;
  if (!rate) return;
  const now = performance.now();
  const at = Math.max(now, ctx.nextSlot);
  ctx.nextSlot = at + 1000 / rate;
  if (at > now) await sleep(at - now);
}

/** An issue's messages, rendered once per worker: null when the issue is gone. */
function messagesFor(ctx: WorkerContext, issueId: number): IssueMessages | null {
  if (!ctx.messages.has(issueId)) {
    const issue = ctx.database
      .select({ sendStartedAt: issues.sendStartedAt })
      .from(issues)
      .where(eq(issues.id, issueId))
      .get();
    ctx.messages.set(
      issueId,
      issueMessages(ctx.database, issueId, {
        publicUrl: ctx.options.publicUrl,
        linkKey: ctx.options.linkKey,
        sendStartedAt: issue?.sendStartedAt ?? new Date(0),
        dkim: ctx.options.dkim,
        identity: ctx.options.identity,
      }),
    );
  }
  return ctx.messages.get(issueId)!;
}

/**
 * Sends one claimed job: skipped when the reader left, otherwise built, paced, checked against a
 * pause or cancel made meanwhile, handed to the server and recorded with the next batch of
 * answers (bookkeeping.ts).
 * `epoch` is the relay epoch when the lane took the job (relay.ts).
 */
async function sendOne(ctx: WorkerContext, lane: Lane, job: Job, epoch: number) {
  const { books } = ctx;
  const skip = skipReason(job);
  const built = skip ? null : messagesFor(ctx, job.issueId);
  if (skip || !built) return books.skip(job, skip ?? 'Nummer niet gevonden');
  const template = await built.template(job.variant);
  const { raw, messageId, envelopeFrom } = built.build(template, {
    deliveryId: job.id,
    subscriberId: job.subscriberId,
    email: job.email!,
    tokenVersion: job.tokenVersion,
    name: job.name,
  });
  await pace(ctx);
  if (books.hold(job) !== 'go') return;
  const outcome = await lane.send({ from: envelopeFrom, to: job.email! }, raw);
  books.record(job, outcome, messageId);
  noteOutcome(ctx, outcome, epoch);
  if (!outcome.ok)
    ctx.log(`bezorging ${job.id} aan abonnee ${job.subscriberId}: ${outcome.message}`);
}

/** How long an idle lane sleeps: until the earliest retry is due, at most one poll. */
function idleWait(ctx: WorkerContext) {
  const { pollMs } = ctx.options;
  const retryAt = nextRetryAt(ctx.database);
  return retryAt ? Math.max(5, Math.min(pollMs, retryAt - Date.now())) : pollMs;
}

/** One SMTP connection sending claimed jobs one after another until the worker stops. */
export async function runLane(ctx: WorkerContext) {
  const lane = ctx.options.transport.lane();
  try {
    while (!ctx.stopping) {
      // After a relay failure every lane keeps away from the server for a while (relay.ts).
      const wait = relayWait(ctx);
      if (wait > 0) {
        await sleep(Math.min(wait, ctx.options.pollMs));
        continue;
      }
      // Taken before the job: a failure counts only if no other lane's was counted since.
      const epoch = ctx.relay.epoch;
      const job = nextJob(ctx);
      if (!job) {
        await sleep(idleWait(ctx));
        continue;
      }
      try {
        await sendOne(ctx, lane, job, epoch);
      } catch (error) {
        // A copy we could not build (a rendering fault) waits for a retry; the lane goes on.
        const message = error instanceof Error ? error.message : String(error);
        ctx.books.record(job, { ok: false, blame: 'retry', stage: 'message', message }, '');
      }
    }
  } finally {
    lane.close();
  }
}
