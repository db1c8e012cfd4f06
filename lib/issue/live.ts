import { and, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { auditLog, deliveries, issues, newsletters, users, type IssueStatus } from '@/db/schema';
import { issueTitle } from '@/lib/newsletters/title';
import { presence, type PresentEditor } from './presence';
import { issueStatusLabels, workflowSteps } from './workflow';

// What an open page polls (app/(redactie)/redactie/live/route.ts, components/live-updates.tsx):
// a small stamp that changes whenever what the page shows may have changed, so the page is
// rendered again only then, and a notice to announce once when an issue's status changed.
//
// The stamps read issues.updated_at: every write to an issue row goes through drizzle's update,
// whose $onUpdateFn sets it (workflow steps, saves, the scheduler starting or holding a send, the
// sender pausing itself, a send completing). A running send's progress lives in deliveries, so
// the issue's stamp also counts its copies with an outcome. Every editor sees every newsletter,
// so the list stamp covers all issues.

/** What a page knows of the issue(s) it shows, as the route answers it. */
export type LiveState = {
  stamp: string;
  /** The issue page's issue status; null on lists, or when the issue is gone. */
  status: IssueStatus | null;
  /** Announced once when `key` changes and `text` is set (null: nothing to tell this editor). */
  notice: { key: string; text: string | null };
  /** Names of the other editors who have the issue open. */
  others: string[];
};

/** The status each logged step or send outcome leaves an issue in. */
const statusAfter: Record<string, IssueStatus> = {
  ...Object.fromEntries(Object.entries(workflowSteps).map(([step, d]) => [`issue.${step}`, d.to])),
  'issue.sent': 'sent',
  'issue.sendCancelled': 'approved',
};
const statusActions = Object.keys(statusAfter);

// A send starts at its planned moment and ends when the last copy is out: the scheduler's and the
// sender's doing, told to everyone (the planner too) and without a name.
const bySender = (status: IssueStatus) => status === 'sending' || status === 'sent';

/**
 * Changes when any issue is created, deleted or written. One pass over a small table. The lists
 * show no send progress, so copies are left out: a send's end (status "verzonden") is counted.
 */
export function listStamp(database: Tx): string {
  const row = database
    .select({ n: count(), sum: sql<number | null>`sum(${issues.updatedAt})` })
    .from(issues)
    .get()!;
  return `${row.n}:${row.sum ?? 0}`;
}

function issueRow(database: Tx, issueId: number) {
  return database
    .select({
      status: issues.status,
      version: issues.version,
      updatedAt: issues.updatedAt,
      updatedBy: issues.updatedBy,
    })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
}

/** Copies with an outcome: the send's progress, which the issue row does not record. */
function finishedCopies(database: Tx, issueId: number): number {
  return database
    .select({ n: count() })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.issueId, issueId),
        inArray(deliveries.status, ['sent', 'failed', 'skipped']),
      ),
    )
    .get()!.n;
}

/** The issue page's stamp and status; a deleted issue has a stamp of its own. */
export function issueStamp(database: Tx, issueId: number) {
  const issue = issueRow(database, issueId);
  if (!issue) return { stamp: 'weg', status: null };
  const copies = issue.status === 'sending' ? finishedCopies(database, issueId) : 0;
  const stamp = `${issue.status}:${issue.version}:${issue.updatedAt.getTime()}:${copies}`;
  return { stamp, status: issue.status };
}

function editorName(database: Tx, id: string | null): string | null {
  if (!id) return null;
  const user = database
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return user ? (user.name ?? user.email) : null;
}

/**
 * "Status gewijzigd: Ter review door Anna de Vries", keyed by the status, so it is said once per
 * change. Every step and save records who made it (updated_by); a send is started by the
 * scheduler or an editor and finished by the sender, so it is told to everyone without a name.
 * An editor is not told about their own step or save: their own screen said it already.
 */
export function statusNotice(database: Tx, issueId: number, viewerId: string) {
  const issue = issueRow(database, issueId);
  if (!issue) return { key: 'weg', text: null };
  const label = issueStatusLabels[issue.status];
  if (bySender(issue.status)) return { key: issue.status, text: `Status gewijzigd: ${label}` };
  if (issue.updatedBy === viewerId) return { key: issue.status, text: null };
  const name = editorName(database, issue.updatedBy);
  return { key: issue.status, text: `Status gewijzigd: ${label}${name ? ` door ${name}` : ''}` };
}

/** How far back the lists look for a status change to announce: older ones are old news. */
const LIST_NOTICE_WINDOW_MS = 10 * 60_000;

/**
 * For the issue list and the dashboard: the last status change of any issue, keyed by its log
 * line, as "Raadsbericht 25: Goedgekeurd door Anna de Vries". Saves returning an issue to concept
 * are not logged; the list shows them all the same.
 */
export function listNotice(database: Tx, viewerId: string, now = new Date()) {
  const row = database
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorId: auditLog.actorId,
      number: issues.number,
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(auditLog)
    .innerJoin(issues, eq(issues.id, sql`cast(${auditLog.entityId} as integer)`))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(
      and(
        eq(auditLog.entityType, 'issue'),
        inArray(auditLog.action, statusActions),
        gte(auditLog.at, new Date(now.getTime() - LIST_NOTICE_WINDOW_MS)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .get();
  if (!row) return { key: 'geen', text: null };
  const status = statusAfter[row.action]!;
  const key = String(row.id);
  const self = row.actorId === viewerId && !bySender(status);
  if (self) return { key, text: null };
  const name = bySender(status) ? null : editorName(database, row.actorId);
  const title = issueTitle(row, row.number);
  return { key, text: `${title}: ${issueStatusLabels[status]}${name ? ` door ${name}` : ''}` };
}

/** An editor as others see them in "Ook open bij": their name, or their address without one. */
export const viewerOf = (editor: { id: string; name: string | null; email: string }) => ({
  id: editor.id,
  name: editor.name ?? editor.email,
});

/**
 * What a page polls: for the issue page (`issueId`) its stamp, status, notice and who else has
 * it open; for the lists the stamp over all issues. `heartbeat` (the route, never a page render,
 * which a link's prefetch can cause) marks the viewer as having the issue open.
 */
export function liveState(
  database: Tx,
  viewer: PresentEditor,
  issueId?: number,
  { heartbeat = false, now = new Date() } = {},
): LiveState {
  if (issueId === undefined)
    return {
      stamp: listStamp(database),
      status: null,
      notice: listNotice(database, viewer.id, now),
      others: [],
    };
  const { stamp, status } = issueStamp(database, issueId);
  if (heartbeat && status) presence().see(issueId, viewer);
  return {
    stamp,
    status,
    notice: statusNotice(database, issueId, viewer.id),
    others: status ? presence().others(issueId, viewer.id) : [],
  };
}
