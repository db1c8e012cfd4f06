import type { Database } from 'better-sqlite3';
import type { Db } from '@/db';
import { recordAudit } from '@/lib/audit';
import { retryDelay } from './backoff';
import type { SendOutcome } from './transport';

/** A claimed delivery with what it takes to build and address its copy. */
export type Job = {
  id: number;
  issueId: number;
  newsletterId: number;
  subscriberId: number;
  variant: string;
  attempts: number;
  email: string | null;
  tokenVersion: number;
  hardBounces: number;
  subscriberStatus: string;
  subscriptionStatus: string | null;
  pausedUntil: number | null;
};

export type SendPolicy = { maxAttempts: number; retryBaseMs: number; bounceLimit: number };

const system = { id: null, label: 'Kopij (verzending)' };

/**
 * The delivery bookkeeping, as prepared statements: it runs once per message on the hot path,
 * and better-sqlite3 commits a one-row update in WAL mode in microseconds.
 */
export function bookkeeping(database: Db, policy: SendPolicy) {
  const sqlite: Database = database.$client;
  const claimIds = sqlite.prepare(
    `select id from deliveries where issue_id = ? and status in ('queued', 'retry') and (next_attempt_at is null or next_attempt_at <= ?) limit ?`,
  );
  const markClaimed = sqlite.prepare(
    `update deliveries set status = 'sending', claimed_at = ?, attempts = attempts + 1, updated_at = ? where id = ?`,
  );
  const jobOf = sqlite.prepare(`
    select d.id, d.issue_id as issueId, i.newsletter_id as newsletterId, d.subscriber_id as subscriberId, d.variant, d.attempts,
      s.email, s.token_version as tokenVersion, s.hard_bounces as hardBounces, s.status as subscriberStatus,
      sub.status as subscriptionStatus, sub.paused_until as pausedUntil
    from deliveries d
    join issues i on i.id = d.issue_id
    join subscribers s on s.id = d.subscriber_id
    left join subscriptions sub on sub.subscriber_id = d.subscriber_id and sub.newsletter_id = i.newsletter_id
    where d.id = ?`);
  const activeIssues = sqlite.prepare(
    `select id from issues where status = 'sending' and send_paused_at is null order by send_started_at, id`,
  );
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
  const bounce = sqlite.prepare(
    `update subscribers set hard_bounces = hard_bounces + 1, status = case when hard_bounces + 1 >= ? and status = 'active' then 'bounced' else status end
     where id = ? returning status, hard_bounces as hardBounces`,
  );
  const issueState = sqlite.prepare(
    `select status, send_paused_at as pausedAt, send_cancelled_at as cancelledAt from issues where id = ?`,
  );
  const release = sqlite.prepare(
    `update deliveries set status = 'retry', next_attempt_at = null, attempts = max(attempts - 1, 0), updated_at = ? where id = ? and status = 'sending'`,
  );
  const pending = sqlite.prepare(
    `select count(*) as n from deliveries where issue_id = ? and status in ('queued', 'retry', 'sending')`,
  );
  const nextRetry = sqlite.prepare(
    `select min(next_attempt_at) as at from deliveries d join issues i on i.id = d.issue_id where i.status = 'sending' and i.send_paused_at is null and d.status = 'retry'`,
  );

  return {
    /** Marks up to `limit` due deliveries as in flight and returns them; the caller sends them. */
    claim(limit: number, now = Date.now()): Job[] {
      return sqlite
        .transaction(() => {
          const jobs: Job[] = [];
          for (const { id: issueId } of activeIssues.all() as { id: number }[]) {
            for (const { id } of claimIds.all(issueId, now, limit - jobs.length) as {
              id: number;
            }[]) {
              markClaimed.run(now, now, id);
              jobs.push(jobOf.get(id) as Job);
            }
            if (jobs.length >= limit) break;
          }
          return jobs;
        })
        .immediate();
    },

    /** Why a claimed copy should not go out after all (the reader left after the send started). */
    skipReason(job: Job, now = Date.now()): string | null {
      if (!job.email || job.subscriberStatus !== 'active') return 'Abonnee is niet meer actief';
      if (job.subscriptionStatus === 'active') return null;
      if (job.subscriptionStatus === 'paused' && (job.pausedUntil ?? 0) <= now) return null;
      return 'Abonnee heeft zich afgemeld of gepauzeerd';
    },

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
    },

    /** Deliveries of an issue that are not finished yet (queued, waiting for a retry, in flight). */
    pending(issueId: number): number {
      return (pending.get(issueId) as { n: number }).n;
    },

    activeIssueIds(): number[] {
      return (activeIssues.all() as { id: number }[]).map((r) => r.id);
    },

    /** When the earliest retry is due, so an idle worker sleeps just long enough. */
    nextRetryAt(): number | null {
      return (nextRetry.get() as { at: number | null }).at;
    },

    /** Deliveries left in flight by a process that died: they go out again (see worker.ts). */
    recoverOrphans(now = Date.now()): number {
      return sqlite
        .prepare(
          `update deliveries set status = 'retry', next_attempt_at = ?, updated_at = ? where status = 'sending'`,
        )
        .run(now, now).changes;
    },
  };
}

export type Bookkeeping = ReturnType<typeof bookkeeping>;
