import type { Database } from 'better-sqlite3';
import type { Db } from '@/db';
import { recordAudit } from '@/lib/audit';
import { retryDelay } from './backoff';
import type { Job, SendPolicy } from './jobs';
import type { SendOutcome } from './transport';

const system = { id: null, label: 'Kopij (verzending)' };

/**
 * The delivery bookkeeping after a claim, as prepared statements: it runs once per message on
 * the hot path, and better-sqlite3 commits a one-row update in WAL mode in microseconds.
 */
export function bookkeeping(database: Db, policy: SendPolicy) {
  const sqlite: Database = database.$client;
  const sent = sqlite.prepare(
    `update deliveries set status = 'sent', sent_at = ?, message_id = ?, last_error = null, updated_at = ? where id = ?`,
  );
  const clearBounces = sqlite.prepare(
    `update subscribers set hard_bounces = 0 where id = ? and hard_bounces > 0`,
  );
  const retry = sqlite.prepare(
    `update deliveries set status = 'retry', next_attempt_at = ?, last_error = ?, updated_at = ? where id = ?`,
  );
  const fail = sqlite.prepare(
    `update deliveries set status = ?, last_error = ?, updated_at = ? where id = ?`,
  );
  const issueState = sqlite.prepare(
    `select status, send_paused_at as pausedAt, send_cancelled_at as cancelledAt from issues where id = ?`,
  );
  const release = sqlite.prepare(
    `update deliveries set status = 'retry', next_attempt_at = null, attempts = max(attempts - 1, 0), updated_at = ? where id = ? and status = 'sending'`,
  );
  const failForGood = finalFailure(database, policy);

  return {
    /**
     * Whether a claimed copy may still go out: a pause or cancel must also hold the copies
     * already claimed, not only stop new claims.
     */
    hold(job: Job, now = Date.now()): 'go' | 'held' | 'cancelled' {
      const issue = issueState.get(job.issueId) as
        { status: string; pausedAt: number | null; cancelledAt: number | null } | undefined;
      if (!issue || issue.cancelledAt) {
        fail.run('skipped', 'Verzending geannuleerd', now, job.id);
        return 'cancelled';
      }
      if (issue.pausedAt || issue.status !== 'sending') {
        release.run(now, job.id);
        return 'held';
      }
      return 'go';
    },

    skip(job: Job, reason: string, now = Date.now()) {
      fail.run('skipped', reason, now, job.id);
    },

    /** Records what the server said; `accepted` is written before anything else happens. */
    record(job: Job, outcome: SendOutcome, messageId: string, now = Date.now()) {
      if (outcome.ok) {
        sent.run(now, messageId, now, job.id);
        if (job.hardBounces > 0) clearBounces.run(job.subscriberId);
        return;
      }
      if (!outcome.permanent && job.attempts < policy.maxAttempts) {
        retry.run(now + retryDelay(job.attempts, policy.retryBaseMs), outcome.message, now, job.id);
        return;
      }
      failForGood(job, outcome, now);
    },
  };
}

export type Bookkeeping = ReturnType<typeof bookkeeping>;

/**
 * A copy that will not be tried again: failed, and on a 5xx one more hard bounce for the
 * subscriber, who is set to 'bounced' (with a line in the audit log) at the limit.
 */
function finalFailure(database: Db, policy: SendPolicy) {
  const sqlite: Database = database.$client;
  const fail = sqlite.prepare(
    `update deliveries set status = ?, last_error = ?, updated_at = ? where id = ?`,
  );
  const bounce = sqlite.prepare(
    `update subscribers set hard_bounces = hard_bounces + 1, status = case when hard_bounces + 1 >= ? and status = 'active' then 'bounced' else status end
     where id = ? returning status, hard_bounces as hardBounces`,
  );
  return (job: Job, outcome: SendOutcome & { ok: false }, now: number) =>
    sqlite.transaction(() => {
      fail.run('failed', outcome.message, now, job.id);
      if (!outcome.permanent) return;
      const after = bounce.get(policy.bounceLimit, job.subscriberId) as
        { status: string; hardBounces: number } | undefined;
      if (after?.status === 'bounced' && after.hardBounces === policy.bounceLimit) {
        recordAudit(database, {
          actor: system,
          action: 'subscriber.bounced',
          entityType: 'subscriber',
          entityId: job.subscriberId,
          summary: `Abonnee ${job.subscriberId} staat op 'gebouncet' na ${after.hardBounces} harde bounce(s): ${outcome.message}`,
        });
      }
    })();
}
