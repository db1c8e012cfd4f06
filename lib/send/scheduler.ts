import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { issues, users } from '@/db/schema';
import { startSend } from './plan';

/**
 * Starts every scheduled issue whose moment has come. The schedule lives in the database, so a
 * send due while the server was down starts at the next tick after it comes back.
 */
export function startDueIssues(
  database: Db,
  now = new Date(),
): { issueId: number; recipients: number }[] {
  const due = database
    .select({ id: issues.id, scheduledBy: issues.scheduledBy, approvedBy: issues.approvedBy })
    .from(issues)
    .where(and(eq(issues.status, 'scheduled'), lte(issues.scheduledAt, now)))
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
    const result = database.transaction((tx) =>
      startSend(tx, { issueId: issue.id, editor: { id: by, role: 'admin', label }, now }),
    );
    if (result.ok) started.push({ issueId: issue.id, recipients: result.recipients ?? 0 });
  }
  return started;
}
