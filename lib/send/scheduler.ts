import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { issues, users } from '@/db/schema';
import type { DeliverySetup } from '@/lib/email/delivery-checks';
import { takeStep } from '@/lib/issue/transition';
import { sendBlockers, startSend } from './plan';
import { dueScheduled } from './queue';

export type DueOptions = {
  /** The delivery setup the send would go out under; its blocking checks hold an issue back. */
  delivery?: DeliverySetup;
  /** Told about each issue taken out of the planning, with the reasons. */
  onHeld?: (issueId: number, problems: string[]) => void;
};

/**
 * Starts every scheduled issue whose moment has come. The schedule lives in the database, so a
 * send due while the server was down starts at the next tick after it comes back.
 *
 * An issue whose mail would now fail (the configuration changed after approval: DKIM gone, a
 * free-mail sender) is taken out of the planning instead, back to approved, with the reasons in
 * the audit log and on the issue's page. It is not left waiting: once the setup is fixed, someone
 * picks a new moment, rather than the issue going out whenever the server happens to restart.
 */
export function startDueIssues(
  database: Db,
  now = new Date(),
  options: DueOptions = {},
): { issueId: number; recipients: number }[] {
  const due = database
    .select({ id: issues.id, scheduledBy: issues.scheduledBy, approvedBy: issues.approvedBy })
    .from(issues)
    .where(dueScheduled(now))
    .all();
  const started: { issueId: number; recipients: number }[] = [];
  for (const issue of due) {
    const by = issue.scheduledBy ?? issue.approvedBy;
    if (!by) continue;
    const user = database
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, by))
      .get();
    const label = `Planner (ingepland door ${user?.name ? `${user.name} (${user.email})` : (user?.email ?? 'een oud-redacteur')})`;
    // The schedule was set by someone allowed to send; the planner acts on that decision.
    const editor = { id: by, role: 'admin' as const, label };
    const { delivery } = options;
    const result = database.transaction((tx) => {
      const problems = delivery ? sendBlockers(tx, issue.id, delivery) : [];
      if (!problems.length) return startSend(tx, { issueId: issue.id, editor, now, delivery });
      const note = `Niet verzonden: ${problems.join(' ')}`;
      takeStep(tx, { issueId: issue.id, step: 'unschedule', editor, note, now });
      return { ok: false as const, problems };
    });
    if (result.ok) started.push({ issueId: issue.id, recipients: result.recipients ?? 0 });
    else if ('problems' in result) options.onHeld?.(issue.id, result.problems);
  }
  return started;
}
