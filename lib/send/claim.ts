import type { Db } from '@/db';
import type { Job } from './jobs';

export type Claim = (limit: number, now?: number) => Job[];

/**
 * Claiming: marks up to `limit` due deliveries as in flight (status 'sending', one attempt more)
 * and returns them; the caller sends them. Only queued and retry rows are claimed, so a copy
 * recorded as sent never goes out again (see worker.ts). Active issues take turns in the order
 * their sends started.
 */
export function claimer(database: Db): Claim {
  const sqlite = database.$client;
  const activeIssues = sqlite.prepare(
    `select id from issues where status = 'sending' and send_paused_at is null order by send_started_at, id`,
  );
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

  return (limit, now = Date.now()) =>
    sqlite
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
}
