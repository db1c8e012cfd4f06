import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  issues,
  issueSnapshots,
  newsletters,
  users,
  type EditorRole,
  type IssueStatus,
} from '@/db/schema';
import { loadIssueDocument } from './load';
import { dropFrozenItems, freezeSentItems } from './sent-items';
import { recordAudit } from '@/lib/audit';
import { decide, workflowSteps, type WorkflowStep } from './workflow';
import { formatDateTime } from '@/lib/format';
import { issueTitle } from '@/lib/newsletters/title';

export type StepInput = {
  issueId: number;
  /** For approve, schedule and send: the version the editor looked at. Content changed since is refused. */
  version?: number;
  step: WorkflowStep;
  editor: { id: string; role: EditorRole; label: string };
  note?: string;
  scheduledAt?: Date;
  blockingProblems?: string[];
  now?: Date;
};

export type StepResult =
  | {
      ok: true;
      from: IssueStatus;
      to: IssueStatus;
      issue: {
        id: number;
        number: number;
        newsletterName: string;
        /** The issue as its newsletter's title pattern calls it. */
        title: string;
        contentChangedBy: string | null;
      };
    }
  | { ok: false; status: 'invalid' | 'conflict'; message: string };

const verbs: Record<WorkflowStep, string> = {
  requestReview: 'bood ter review aan',
  sendBack: 'stuurde terug naar concept',
  approve: 'keurde goed',
  schedule: 'plande in',
  unschedule: 'haalde uit de planning',
  startSend: 'startte de verzending van',
};

function issueForStep(tx: Tx, issueId: number) {
  return tx
    .select({
      id: issues.id,
      number: issues.number,
      status: issues.status,
      version: issues.version,
      contentChangedBy: issues.contentChangedBy,
      fourEyes: newsletters.fourEyes,
      newsletterName: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
}
type IssueForStep = NonNullable<ReturnType<typeof issueForStep>>;

/** The issue's new status and what the step records beside it (who approved, when planned). */
function stepChanges(input: StepInput, to: IssueStatus, now: Date) {
  return {
    // Not a new version: the content is the same, and the builder open elsewhere keeps saving.
    status: to,
    updatedAt: now,
    updatedBy: input.editor.id,
    ...(input.step === 'approve' ? { approvedAt: now, approvedBy: input.editor.id } : {}),
    ...(input.step === 'sendBack' ? { approvedAt: null, approvedBy: null } : {}),
    ...(input.step === 'schedule'
      ? { scheduledAt: input.scheduledAt, scheduledBy: input.editor.id }
      : {}),
    ...(input.step === 'unschedule' ? { scheduledAt: null, scheduledBy: null } : {}),
    ...(input.step === 'startSend'
      ? {
          sendStartedAt: now,
          sendStartedBy: input.editor.id,
          sendPausedAt: null,
          sendPauseReason: null,
          sendCancelledAt: null,
        }
      : {}),
  };
}

/** What the reviewer saw, kept on approval and send-back: the next review shows what changed. */
function snapshotForReview(tx: Tx, input: StepInput, issue: IssueForStep, now: Date) {
  if (input.step !== 'approve' && input.step !== 'sendBack') return;
  const seen = loadIssueDocument(tx, issue.id)!.document;
  tx.insert(issueSnapshots)
    .values({
      issueId: issue.id,
      version: issue.version,
      document: seen,
      createdBy: input.editor.id,
      createdAt: now,
    })
    .run();
}

function auditStep(tx: Tx, input: StepInput, issue: IssueForStep, to: IssueStatus) {
  const title = issueTitle(
    { name: issue.newsletterName, titlePattern: issue.titlePattern },
    issue.number,
  );
  recordAudit(tx, {
    actor: { id: input.editor.id, label: input.editor.label },
    action: `issue.${input.step}`,
    entityType: 'issue',
    entityId: issue.id,
    summary: `${input.editor.label} ${verbs[input.step]} ${title}${input.scheduledAt && input.step === 'schedule' ? ` voor ${formatDateTime(input.scheduledAt)}` : ''}`,
    details: {
      from: issue.status,
      to,
      ...(input.note ? { note: input.note } : {}),
      ...(input.scheduledAt ? { scheduledAt: input.scheduledAt.toISOString() } : {}),
    },
  });
}

/** Takes one workflow step inside the caller's transaction, with its line in the audit log. */
export function takeStep(tx: Tx, input: StepInput): StepResult {
  const now = input.now ?? new Date();
  const issue = issueForStep(tx, input.issueId);
  if (!issue) return { ok: false, status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
  if (input.version !== undefined && issue.version !== input.version) {
    return {
      ok: false,
      status: 'conflict',
      message: 'Dit nummer is intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.',
    };
  }
  const decision = decide(input.step, {
    status: issue.status,
    actor: input.editor,
    fourEyes: issue.fourEyes,
    contentChangedBy: issue.contentChangedBy,
    blockingProblems: input.blockingProblems,
    scheduledAt: input.scheduledAt,
    now,
  });
  if (!decision.ok)
    return {
      ok: false,
      status: decision.why === 'status' ? 'conflict' : 'invalid',
      message: decision.message,
    };

  const to = decision.to;
  tx.update(issues)
    .set(stepChanges(input, to, now))
    .where(eq(issues.id, issue.id))
    .run();
  snapshotForReview(tx, input, issue, now);
  // What is approved is what is sent: the items' texts are frozen with the approval.
  if (input.step === 'approve') freezeSentItems(tx, issue.id);
  if (input.step === 'sendBack') dropFrozenItems(tx, issue.id);
  auditStep(tx, input, issue, to);
  return {
    ok: true,
    from: issue.status,
    to,
    issue: {
      id: issue.id,
      number: issue.number,
      newsletterName: issue.newsletterName,
      title: issueTitle(
        { name: issue.newsletterName, titlePattern: issue.titlePattern },
        issue.number,
      ),
      contentChangedBy: issue.contentChangedBy,
    },
  };
}

/** Who to tell: reviewers when an issue waits for review, the last author when it is sent back. */
export function notifyAddresses(
  tx: Tx,
  step: WorkflowStep,
  contentChangedBy: string | null,
  actorId: string,
): string[] {
  const active = tx
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .all()
    .filter((u) => u.active && u.id !== actorId);
  if (step === 'requestReview')
    return active.filter((u) => u.role !== 'redacteur').map((u) => u.email);
  if (step === 'sendBack')
    return active.filter((u) => u.id === contentChangedBy).map((u) => u.email);
  return [];
}

export { workflowSteps };
