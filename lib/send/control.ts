import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { deliveries, issues, newsletters } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { issueTitle } from '@/lib/newsletters/title';

export type SendControl = 'pause' | 'resume' | 'cancel';
export type ControlResult = { ok: true; message: string } | { ok: false; message: string };

const words: Record<SendControl, { verb: string; done: string }> = {
  pause: {
    verb: 'pauzeerde de verzending van',
    done: 'De verzending is gepauzeerd. Berichten die al onderweg waren, worden nog afgemaakt.',
  },
  resume: { verb: 'hervatte de verzending van', done: 'De verzending gaat weer verder.' },
  cancel: {
    verb: 'annuleerde de verzending van',
    done: 'De verzending is geannuleerd. Wie het nummer al kreeg, houdt het; de rest krijgt het niet.',
  },
};

/**
 * Holds, resumes or stops a running send. Cancelling skips every copy not yet handed over; the
 * worker then closes the send (see complete.ts). Editors with the role to send may do this.
 */
export function controlSend(
  tx: Tx,
  issueId: number,
  control: SendControl,
  actor: AuditActor,
  now = new Date(),
): ControlResult {
  const issue = tx
    .select({
      status: issues.status,
      pausedAt: issues.sendPausedAt,
      cancelledAt: issues.sendCancelledAt,
      number: issues.number,
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  if (!issue) return { ok: false, message: 'Dit nummer bestaat niet (meer).' };
  if (issue.status !== 'sending' || issue.cancelledAt)
    return { ok: false, message: 'Dit nummer wordt niet (meer) verzonden.' };
  if (control === 'pause' && issue.pausedAt)
    return { ok: false, message: 'De verzending is al gepauzeerd.' };
  if (control === 'resume' && !issue.pausedAt)
    return { ok: false, message: 'De verzending loopt al.' };

  if (control === 'cancel') {
    tx.update(deliveries)
      .set({ status: 'skipped', lastError: 'Verzending geannuleerd', updatedAt: now })
      .where(and(eq(deliveries.issueId, issueId), inArray(deliveries.status, ['queued', 'retry'])))
      .run();
  }
  tx.update(issues)
    .set(
      control === 'pause'
        ? { sendPausedAt: now, sendPauseReason: null }
        : control === 'resume'
          ? // Resuming after the sender paused itself: the reason no longer holds.
            { sendPausedAt: null, sendPauseReason: null }
          : { sendCancelledAt: now, sendPausedAt: null, sendPauseReason: null },
    )
    .where(eq(issues.id, issueId))
    .run();
  recordAudit(tx, {
    actor,
    action: `issue.send${control[0]!.toUpperCase()}${control.slice(1)}`,
    entityType: 'issue',
    entityId: issueId,
    summary: `${actor.label} ${words[control].verb} ${issueTitle(issue, issue.number)}`,
  });
  return { ok: true, message: words[control].done };
}
