import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { issues, newsletters, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import SendPausedEmail from '@/emails/send-paused';
import { renderMail } from '@/lib/email/system-mail';
import { sendMail } from '@/lib/mail';
import { issueIdentity } from '@/lib/newsletters/identity';
import { retryDelay } from './backoff';
import { relayReason, type Verdict } from './classify';
import type { SendOutcome } from './transport';
import type { WorkerContext } from './worker-context';
import { issueTitle } from '@/lib/newsletters/title';

/*
 * When the mail server itself fails (classify.ts: 'relay'), no reader is to blame and no copy
 * is used up (bookkeeping.ts puts it back as it was). The worker instead holds all lanes for a
 * growing wait, and after `relayFailureLimit` failures in a row pauses every running send with
 * the reason, and tells the people who started them and the admins. "Hervatten" (control.ts)
 * clears the reason and picks up the copies where they were.
 *
 * Lanes fail together when the server goes away: four lanes refused in the same instant are one
 * observation, not four. So a failure only counts when its lane started after the last counted
 * one (the epoch); the others just put their copy back.
 */

export const DEFAULT_RELAY_FAILURE_LIMIT = 5;
// The wait between tries grows from the retry base, but a server that stays down should pause
// the send (and tell someone) within minutes: 10 s, 20 s, 40 s, 80 s at most before the fifth.
const MAX_RELAY_BASE_MS = 10_000;

const system = { id: null, label: 'Kopij (verzending)' };

/** Takes note of what the server said to a copy handed over when the epoch was `epoch`. */
export function noteOutcome(ctx: WorkerContext, outcome: SendOutcome, epoch: number) {
  const relay = ctx.relay;
  // A copy accepted or refused for its own reader shows the server is up and talking.
  if (outcome.ok || outcome.blame === 'reader') {
    relay.failures = 0;
    return;
  }
  if (outcome.blame !== 'relay' || epoch !== relay.epoch) return;
  relay.epoch++;
  relay.failures++;
  const limit = ctx.options.relayFailureLimit ?? DEFAULT_RELAY_FAILURE_LIMIT;
  if (relay.failures < limit) {
    const base = Math.min(ctx.options.retryBaseMs, MAX_RELAY_BASE_MS);
    relay.waitUntil = Date.now() + retryDelay(relay.failures, base);
    return;
  }
  relay.failures = 0;
  relay.waitUntil = 0;
  pauseForRelay(ctx, outcome, limit);
}

/** How long a lane must still keep away from the server; 0 when it may go. */
export function relayWait(ctx: WorkerContext, now = Date.now()): number {
  return Math.max(0, ctx.relay.waitUntil - now);
}

type PausedIssue = {
  id: number;
  number: number;
  name: string;
  titlePattern: string;
  startedBy: string | null;
};

/** Pauses every running send with the reason, in one transaction with its audit lines. */
export function pauseForRelay(ctx: WorkerContext, verdict: Verdict, limit: number) {
  const reason = relayReason(verdict);
  const now = new Date();
  const paused = ctx.database.transaction((tx) => {
    const running: PausedIssue[] = tx
      .select({
        id: issues.id,
        number: issues.number,
        name: newsletters.name,
        titlePattern: newsletters.titlePattern,
        startedBy: issues.sendStartedBy,
      })
      .from(issues)
      .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
      .where(
        and(
          eq(issues.status, 'sending'),
          isNull(issues.sendPausedAt),
          isNull(issues.sendCancelledAt),
        ),
      )
      .all();
    if (running.length === 0) return running;
    tx.update(issues)
      .set({ sendPausedAt: now, sendPauseReason: reason })
      .where(
        inArray(
          issues.id,
          running.map((i) => i.id),
        ),
      )
      .run();
    for (const issue of running)
      recordAudit(tx, {
        actor: system,
        action: 'issue.sendPaused',
        entityType: 'issue',
        entityId: issue.id,
        summary: `De verzending van ${issueTitle(issue, issue.number)} is vanzelf gepauzeerd na ${limit} mislukte pogingen bij de mailserver: ${reason}`,
        details: { stage: verdict.stage, code: verdict.code ?? null },
      });
    return running;
  });
  for (const issue of paused) {
    ctx.log(`nummer ${issue.id}: verzending gepauzeerd: ${reason}`);
    notifyPaused(ctx, issue, reason, limit).catch((error: unknown) =>
      ctx.log(`melding over nummer ${issue.id} niet weggeschreven: ${String(error)}`),
    );
  }
}

/**
 * Tells who started the send and every active admin. The mail server is what failed, so the
 * notice does not go through it: it is written to the outbox folder, where it cannot be lost.
 */
async function notifyPaused(ctx: WorkerContext, issue: PausedIssue, reason: string, limit: number) {
  const { outboxDir, mailFrom, publicUrl } = ctx.options;
  if (!outboxDir) return;
  const recipients = ctx.database
    .select({ email: users.email })
    .from(users)
    .where(
      and(eq(users.active, true), or(eq(users.role, 'admin'), eq(users.id, issue.startedBy ?? ''))),
    )
    .all();
  const newsletter = issueIdentity(ctx.database, issue.id);
  if (!newsletter) return;
  const title = issueTitle(issue, issue.number);
  const mail = await renderMail(
    `Verzending gepauzeerd: ${title}`,
    SendPausedEmail({
      brand: newsletter.brand,
      title,
      reason,
      limit,
      link: `${publicUrl}/redactie/nummers/${issue.id}`,
    }),
  );
  for (const { email } of recipients)
    await sendMail(
      { to: email, ...mail, sender: newsletter.sender },
      {
        smtpUrl: undefined,
        outboxDir,
        mailFrom: mailFrom ?? 'Kopij <noreply@kopij.test>',
        dkim: ctx.options.dkim,
      },
    );
}
