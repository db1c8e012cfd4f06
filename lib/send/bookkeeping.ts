import { and, desc, eq, gt, inArray, ne, notExists, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { bounceEvents, deliveries, issues, subscribers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { param } from '@/lib/prepared';
import { retryDelay } from './backoff';
import type { Job, SendPolicy } from './jobs';
import type { SendOutcome } from './transport';

const system = { id: null, label: 'Kopij (verzending)' };
// How long an answered copy may wait for others to be written with.
const FLUSH_MS = 5;

/** A copy the server answered, waiting to be written with the others of the same moment. */
type Finished = { job: Job; outcome: SendOutcome; messageId: string; now: number };

/**
 * The delivery bookkeeping after a claim: whether a copy may still go out, and what became of
 * it. The statements for the common cases are prepared once: they run for every copy (see
 * claim.ts). A copy given up on, or a reader's bounce count reset, is rare and built per call.
 *
 * What the server answered is written in one transaction for several copies: as soon as
 * `batch` copies wait (the worker passes its concurrency), else a few milliseconds after the
 * first. A commit per copy (its locks, WAL frames and the checkpoints they bring on) cost more
 * than the rest of a copy's bookkeeping together. Until then the copy stays 'sending', which is
 * what a crash-safe restart needs to know (worker.ts); a failed write is kept and tried again.
 */
export function bookkeeping(
  database: Db,
  policy: SendPolicy,
  options: { batch?: number; log?: (message: string) => void } = {},
) {
  const batchSize = options.batch ?? 1;
  const log = options.log ?? (() => {});
  const s = statements(database);
  const finished: Finished[] = [];
  // A flush is due (shortly, or later after a failed write). A stale timer finds nothing left
  // to write, so flushing early never needs to cancel it.
  let due = false;
  const write = outcomeWriter(s, policy);
  const flush = () => {
    due = false;
    if (finished.length === 0) return;
    const batch = finished.splice(0);
    try {
      database.transaction((tx) => {
        for (const f of batch) write(tx, f);
      });
    } catch (error) {
      // Most likely another writer held the database past busy_timeout: keep them for later.
      finished.unshift(...batch);
      due = true;
      setTimeout(flush, 250);
      log(`${batch.length} verzonden kopie(ën) nog niet bijgewerkt: ${String(error)}`);
    }
  };
  return {
    /**
     * Whether a claimed copy may still go out: a pause or cancel must also hold the copies
     * already claimed, not only stop new claims.
     */
    hold(job: Job, now = Date.now()): 'go' | 'held' | 'cancelled' {
      const issue = s.issueState.get({ id: job.issueId });
      if (!issue || issue.cancelledAt) {
        s.skipped.run({ id: job.id, reason: 'Verzending geannuleerd', now });
        return 'cancelled';
      }
      if (issue.pausedAt || issue.status !== 'sending') {
        s.release.run({ id: job.id, now });
        return 'held';
      }
      return 'go';
    },

    skip(job: Job, reason: string, now = Date.now()) {
      s.skipped.run({ id: job.id, reason, now });
    },

    /** Takes note of what the server said; written with the next batch, within milliseconds. */
    record(job: Job, outcome: SendOutcome, messageId: string, now = Date.now()) {
      finished.push({ job, outcome, messageId, now });
      if (finished.length >= batchSize) return flush();
      if (due) return;
      due = true;
      setTimeout(flush, FLUSH_MS);
    },

    /** Writes what is noted now (the worker calls this before it lets go of anything). */
    flush,
  };
}

export type Bookkeeping = ReturnType<typeof bookkeeping>;

/** Writes what became of one copy (inside the batch's transaction). */
function outcomeWriter(s: Statements, policy: SendPolicy) {
  return (tx: Tx, f: Finished) => {
    const { job, outcome, messageId, now } = f;
    if (outcome.ok) {
      s.sent.run({ id: job.id, messageId, now });
      if (job.hardBounces > 0 || job.softBounces > 0) clearBounces(tx, job);
      return;
    }
    // The relay's failure says nothing about the reader: the copy goes back as it was.
    if (outcome.blame === 'relay') {
      s.relayed.run({ id: job.id, error: outcome.message, now });
      return;
    }
    if (outcome.blame === 'retry' && job.attempts < policy.maxAttempts) {
      const at = now + retryDelay(job.attempts, policy.retryBaseMs);
      s.retry.run({ id: job.id, at, error: outcome.message, now });
      return;
    }
    finalFailure(tx, policy, job, outcome, now);
  };
}

type Statements = ReturnType<typeof statements>;

function statements(database: Db) {
  const delivery = eq(deliveries.id, param('id'));
  return {
    issueState: database
      .select({
        status: issues.status,
        pausedAt: issues.sendPausedAt,
        cancelledAt: issues.sendCancelledAt,
      })
      .from(issues)
      .where(eq(issues.id, param('id')))
      .prepare(),
    sent: database
      .update(deliveries)
      .set({
        status: 'sent',
        sentAt: param('now'),
        messageId: param('messageId'),
        lastError: null,
        updatedAt: param('now'),
      })
      .where(delivery)
      .prepare(),
    retry: database
      .update(deliveries)
      .set({
        status: 'retry',
        nextAttemptAt: param('at'),
        lastError: param('error'),
        updatedAt: param('now'),
      })
      .where(delivery)
      .prepare(),
    skipped: database
      .update(deliveries)
      .set({ status: 'skipped', lastError: param('reason'), updatedAt: param('now') })
      .where(delivery)
      .prepare(),
    // Back in the queue as if never claimed: a held copy does not use up an attempt.
    release: database
      .update(deliveries)
      .set({
        status: 'retry',
        nextAttemptAt: null,
        attempts: sql`max(${deliveries.attempts} - 1, 0)`,
        updatedAt: param('now'),
      })
      .where(and(delivery, eq(deliveries.status, 'sending')))
      .prepare(),
    // A relay failure: like a release, with the relay's answer kept for the progress page.
    relayed: database
      .update(deliveries)
      .set({
        status: 'retry',
        nextAttemptAt: null,
        attempts: sql`max(${deliveries.attempts} - 1, 0)`,
        lastError: param('error'),
        updatedAt: param('now'),
      })
      .where(and(delivery, eq(deliveries.status, 'sending')))
      .prepare(),
  };
}

/** A reader whose copy went through after earlier hard bounces starts counting afresh. */
function clearBounces(database: Tx, job: Job) {
  if (job.hardBounces > 0)
    database
      .update(subscribers)
      .set({ hardBounces: 0 })
      .where(and(eq(subscribers.id, job.subscriberId), gt(subscribers.hardBounces, 0)))
      .run();
  if (job.softBounces > 0) clearSoftBounces(database, job);
}

/**
 * Soft bounces (a full mailbox) are reported days after the relay took the copy, so a copy
 * going out proves nothing yet: resetting then would undo every count before it could reach
 * SEND_SOFT_BOUNCE_LIMIT. What shows the mailbox works again is that the reader's previous
 * copy drew no bounce report; then the count starts afresh.
 */
function clearSoftBounces(database: Tx, job: Job) {
  const previous = database
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.subscriberId, job.subscriberId),
        eq(deliveries.status, 'sent'),
        ne(deliveries.id, job.id),
      ),
    )
    .orderBy(desc(deliveries.sentAt), desc(deliveries.id))
    .limit(1);
  const bounced = database
    .select({ id: bounceEvents.id })
    .from(bounceEvents)
    .where(
      and(
        eq(bounceEvents.deliveryId, sql`(${previous})`),
        inArray(bounceEvents.kind, ['soft', 'hard']),
      ),
    );
  database
    .update(subscribers)
    .set({ softBounces: 0 })
    .where(and(eq(subscribers.id, job.subscriberId), notExists(bounced)))
    .run();
}

/**
 * A copy that will not be tried again: failed, and on a 5xx about this reader one more hard
 * bounce for the subscriber, who is set to 'bounced' (with a line in the audit log) at the limit.
 */
function finalFailure(
  tx: Tx,
  policy: SendPolicy,
  job: Job,
  outcome: SendOutcome & { ok: false },
  now: number,
) {
  tx.update(deliveries)
    .set({ status: 'failed', lastError: outcome.message, updatedAt: new Date(now) })
    .where(eq(deliveries.id, job.id))
    .run();
  if (outcome.blame !== 'reader') return;
  const after = tx
    .update(subscribers)
    .set({
      hardBounces: sql`${subscribers.hardBounces} + 1`,
      status: sql`case when ${subscribers.hardBounces} + 1 >= ${policy.bounceLimit} and ${subscribers.status} = 'active' then 'bounced' else ${subscribers.status} end`,
    })
    .where(eq(subscribers.id, job.subscriberId))
    .returning({ status: subscribers.status, hardBounces: subscribers.hardBounces })
    .get();
  if (after?.status === 'bounced' && after.hardBounces === policy.bounceLimit) {
    recordAudit(tx, {
      actor: system,
      action: 'subscriber.bounced',
      entityType: 'subscriber',
      entityId: job.subscriberId,
      summary: `Abonnee ${job.subscriberId} staat op 'gebouncet' na ${after.hardBounces} harde bounce(s): ${outcome.message}`,
    });
  }
}
