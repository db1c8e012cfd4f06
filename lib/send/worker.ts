import crypto from 'node:crypto';
import type { Db } from '@/db';
import { issues } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { bookkeeping, type Job, type SendPolicy } from './bookkeeping';
import { completeIfDone } from './complete';
import { acquireLease, releaseLease, renewLease } from './lease';
import { issueMessages, messageIdOf, type IssueMessages } from './messages';
import { startDueIssues } from './scheduler';
import type { Lane, Transport } from './transport';

/*
 * Crash safety: what a kill -9 at any moment can and cannot do.
 *
 * A delivery goes queued → sending (claimed, committed) → handed to SMTP → sent (committed as
 * soon as the server's 250 arrives, before the next message). SMTP cannot make the hand-over and
 * our bookkeeping one atomic step, so we choose at-least-once:
 *
 * - A restart turns every row still marked "sending" into a retry. Those are the messages in
 *   flight at the crash (claimed but not yet answered); only they can reach a reader twice, and
 *   only when the server accepted them in the instant before the crash.
 * - A resent copy carries the first copy's Message-ID (it depends on the delivery, not the
 *   attempt), so receiving systems can recognise and drop it.
 * - A row recorded as sent is never claimed again: claims only take queued and retry rows.
 *
 * The in-flight window is at most `concurrency` messages plus a small claimed batch that has not
 * been handed over yet (those are resent without harm: the server never saw them).
 * lib/send/crash.test.ts kills a sending process at random moments and checks all of this.
 */

export type WorkerOptions = SendPolicy & {
  database: Db;
  transport: Transport;
  publicUrl: string;
  linkKey: Buffer;
  /** SMTP connections used side by side. */
  concurrency: number;
  /** Messages per second over all connections; 0 for no limit. */
  rate: number;
  /** How often an idle worker looks for work, scheduled issues and a free lease. */
  pollMs: number;
  /** Another process's lease counts as abandoned after this long without a heartbeat. */
  leaseMs?: number;
  dkim?: (raw: Buffer) => Buffer;
  onIssueDone?: (issueId: number, status: 'sent' | 'approved') => void;
  log?: (message: string) => void;
};

export type SendWorker = { stop(): Promise<void>; readonly holder: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startWorker(options: WorkerOptions): SendWorker {
  const { database } = options;
  const sqlite = database.$client;
  const books = bookkeeping(database, options);
  const holder = crypto.randomUUID();
  const leaseMs = options.leaseMs ?? 30_000;
  const log = options.log ?? (() => {});
  const messages = new Map<number, IssueMessages | null>();
  const buffer: Job[] = [];
  const batch = Math.max(4, options.concurrency * 2);
  let holding = false;
  let stopping = false;
  let nextSlot = 0;

  const messagesFor = (issueId: number): IssueMessages | null => {
    if (!messages.has(issueId)) {
      const issue = database
        .select({ sendStartedAt: issues.sendStartedAt })
        .from(issues)
        .where(eq(issues.id, issueId))
        .get();
      messages.set(
        issueId,
        issueMessages(database, issueId, {
          publicUrl: options.publicUrl,
          linkKey: options.linkKey,
          sendStartedAt: issue?.sendStartedAt ?? new Date(0),
          dkim: options.dkim,
        }),
      );
    }
    return messages.get(issueId)!;
  };

  // JavaScript runs one lane at a time between awaits and better-sqlite3 is synchronous, so
  // taking from the buffer and claiming a new batch never races between lanes.
  const nextJob = (): Job | undefined => {
    if (!holding || stopping) return undefined;
    if (buffer.length === 0) buffer.push(...books.claim(batch));
    return buffer.shift();
  };

  const pace = async () => {
    if (!options.rate) return;
    const now = performance.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + 1000 / options.rate;
    if (at > now) await sleep(at - now);
  };

  const deliver = async (lane: Lane, job: Job) => {
    const skip = books.skipReason(job);
    const built = skip ? null : messagesFor(job.issueId);
    if (skip || !built) return books.skip(job, skip ?? 'Nummer niet gevonden');
    const template = await built.template(job.variant);
    const { raw, messageId } = built.build(template, {
      deliveryId: job.id,
      subscriberId: job.subscriberId,
      email: job.email!,
      tokenVersion: job.tokenVersion,
    });
    await pace();
    if (books.hold(job) !== 'go') return;
    const outcome = await lane.send({ from: built.envelopeFrom, to: job.email! }, raw);
    books.record(job, outcome, messageId);
    if (!outcome.ok) log(`bezorging ${job.id} aan abonnee ${job.subscriberId}: ${outcome.message}`);
  };

  const finishIdleIssues = () => {
    for (const issueId of books.activeIssueIds()) {
      if (books.pending(issueId) > 0) continue;
      const done = completeIfDone(database, issueId);
      if (done) {
        messages.delete(issueId);
        log(
          `nummer ${issueId}: ${done.status === 'sent' ? 'verzonden' : 'verzending geannuleerd'}`,
        );
        options.onIssueDone?.(issueId, done.status);
      }
    }
  };

  const idleWait = () => {
    const retryAt = books.nextRetryAt();
    return retryAt ? Math.max(5, Math.min(options.pollMs, retryAt - Date.now())) : options.pollMs;
  };

  const runLane = async () => {
    const lane = options.transport.lane();
    try {
      while (!stopping) {
        const job = nextJob();
        if (!job) {
          await sleep(idleWait());
          continue;
        }
        try {
          await deliver(lane, job);
        } catch (error) {
          // A copy we could not build (a rendering fault) waits for a retry instead of stopping the lane.
          books.record(
            job,
            {
              ok: false,
              permanent: false,
              message: error instanceof Error ? error.message : String(error),
            },
            '',
          );
        }
      }
    } finally {
      lane.close();
    }
  };

  // Lease, scheduler and completion: one slow loop beside the lanes.
  const runControl = async () => {
    while (!stopping) {
      try {
        if (!holding) {
          holding = acquireLease(sqlite, 'sender', holder, leaseMs);
          if (holding) {
            const orphans = books.recoverOrphans();
            if (orphans)
              log(
                `${orphans} bezorging(en) van een afgebroken verzending worden opnieuw verstuurd`,
              );
          }
        } else if (!renewLease(sqlite, 'sender', holder)) {
          holding = false;
          buffer.length = 0;
          log('een ander proces heeft de verzending overgenomen');
        }
        if (holding) {
          for (const s of startDueIssues(database))
            log(`nummer ${s.issueId}: ingeplande verzending gestart (${s.recipients} ontvangers)`);
          if (buffer.length === 0) finishIdleIssues();
        }
      } catch (error) {
        log(`verzending: ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(Math.min(options.pollMs, leaseMs / 3));
    }
  };

  const running = Promise.all([
    runControl(),
    ...Array.from({ length: options.concurrency }, runLane),
  ]);
  return {
    holder,
    async stop() {
      stopping = true;
      await running;
      // Claimed but never handed over: back in the queue for whoever sends next.
      for (const job of buffer.splice(0))
        sqlite
          .prepare(
            `update deliveries set status = 'retry', next_attempt_at = null where id = ? and status = 'sending'`,
          )
          .run(job.id);
      if (holding) releaseLease(sqlite, 'sender', holder);
    },
  };
}

export { messageIdOf };
