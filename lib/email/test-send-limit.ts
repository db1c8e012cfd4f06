import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { auditLog } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { formatTime } from '@/lib/format';

export const TEST_SEND_ACTION = 'issue.testSend';
const HOUR = 3_600_000;

/**
 * Test sends of one editor in the hour before `now`, oldest first, with their recipient counts.
 * Read from the audit log (index audit_log_actor_idx), so the count survives a restart and holds
 * across processes, unlike an in-memory limiter.
 */
export function recentTestSends(
  tx: Tx,
  editorId: string,
  now: Date,
): { at: Date; recipients: number }[] {
  return tx
    .select({
      at: auditLog.at,
      recipients: sql<number>`coalesce(json_extract(${auditLog.details}, '$.recipients'), 0)`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, editorId),
        gt(auditLog.at, new Date(now.getTime() - HOUR)),
        eq(auditLog.action, TEST_SEND_ACTION),
      ),
    )
    .orderBy(asc(auditLog.at))
    .all();
}

export type TestSendClaim = { ok: true; used: number } | { ok: false; message: string };

/**
 * Takes `recipients` test mails from the editor's hourly allowance and logs the test send, inside
 * the caller's transaction: two clicks at once cannot both slip under the limit. The limit counts
 * mails (recipients), not clicks: a send to the editor and ten test addresses is eleven mails in
 * other people's inboxes. A refused send is not logged and uses nothing.
 */
export function claimTestSend(
  tx: Tx,
  input: {
    actor: AuditActor & { id: string };
    issueId: number;
    title: string;
    version: number;
    recipients: number;
    limit: number;
    now?: Date;
  },
): TestSendClaim {
  const now = input.now ?? new Date();
  const { recipients, limit } = input;
  if (recipients > limit)
    return {
      ok: false,
      message: `Deze testmail gaat naar ${recipients} adressen, meer dan de ${limit} testmails die u per uur mag versturen. Verwijder een paar vaste testadressen. Er is niets verstuurd.`,
    };
  const recent = recentTestSends(tx, input.actor.id, now);
  const used = recent.reduce((sum, r) => sum + r.recipients, 0);
  if (used + recipients > limit) {
    // The moment enough of the oldest sends have left the hour, rounded up to the minute shown.
    let free = limit - used;
    const freeing = recent.find((r) => (free += r.recipients) >= recipients)!;
    const again = Math.ceil((freeing.at.getTime() + HOUR) / 60_000) * 60_000;
    return {
      ok: false,
      message: `U heeft het afgelopen uur al ${used} testmail${used === 1 ? '' : 's'} verstuurd; de grens is ${limit} per uur (elke ontvanger telt). Deze testmail naar ${recipients} adres${recipients === 1 ? '' : 'sen'} kunt u weer versturen om ${formatTime(again)}. Er is niets verstuurd.`,
    };
  }
  recordAudit(tx, {
    actor: input.actor,
    action: TEST_SEND_ACTION,
    entityType: 'issue',
    entityId: input.issueId,
    summary: `${input.actor.label} stuurde een testmail van ${input.title} (versie ${input.version}) naar ${recipients} adres${recipients === 1 ? '' : 'sen'}`,
    // The count, not the addresses: the log is kept longer than anyone needs them.
    details: { recipients, version: input.version },
  });
  return { ok: true, used: used + recipients };
}
