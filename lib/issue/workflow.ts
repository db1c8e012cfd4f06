import type { EditorRole, IssueStatus } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

/**
 * The editorial workflow as data: which step may move an issue from which status to which,
 * and who may take it. Actions ask `decide` and do nothing else on their own, so the rules
 * live in one place and hold whatever the browser shows or hides.
 *
 * Editing content is not a step here: saving reviewed or approved content sends the issue
 * back to concept (see save.ts), so an edited issue always needs a fresh approval.
 */
export const workflowSteps = {
  requestReview: {
    from: ['concept'],
    to: 'review',
    role: 'redacteur',
    label: 'ter review aanbieden',
  },
  sendBack: {
    from: ['review', 'approved'],
    to: 'concept',
    role: 'hoofdredacteur',
    label: 'terugsturen',
  },
  approve: { from: ['review'], to: 'approved', role: 'hoofdredacteur', label: 'goedkeuren' },
  schedule: { from: ['approved'], to: 'scheduled', role: 'hoofdredacteur', label: 'inplannen' },
  unschedule: {
    from: ['scheduled'],
    to: 'approved',
    role: 'hoofdredacteur',
    label: 'uit de planning halen',
  },
  startSend: {
    from: ['approved', 'scheduled'],
    to: 'sending',
    role: 'hoofdredacteur',
    label: 'verzenden',
  },
} as const satisfies Record<
  string,
  { from: readonly IssueStatus[]; to: IssueStatus; role: EditorRole; label: string }
>;

export type WorkflowStep = keyof typeof workflowSteps;

export const issueStatusLabels: Record<IssueStatus, string> = {
  concept: 'Concept',
  review: 'Ter review',
  approved: 'Goedgekeurd',
  scheduled: 'Ingepland',
  sending: 'Verzenden',
  sent: 'Verzonden',
};
const statusLabels = Object.fromEntries(
  Object.entries(issueStatusLabels).map(([k, v]) => [k, v.toLowerCase()]),
) as Record<IssueStatus, string>;

export type WorkflowContext = {
  status: IssueStatus;
  actor: { id: string; role: EditorRole };
  /** Vier-ogenprincipe, a per-newsletter setting. */
  fourEyes: boolean;
  /** Who last changed the content; the approver must be someone else when fourEyes is on. */
  contentChangedBy: string | null;
  /**
   * Problems that block approval (an empty subject, a broken link, a misaligned DKIM domain...)
   * or the start of a send (the delivery setup, which can change after approval).
   */
  blockingProblems?: string[];
  /** For `schedule`: when the send should start. */
  scheduledAt?: Date;
  now?: Date;
};

export type Decision =
  | { ok: true; to: IssueStatus }
  | { ok: false; why: 'role' | 'status' | 'four-eyes' | 'problems' | 'time'; message: string };

export function decide(step: WorkflowStep, ctx: WorkflowContext): Decision {
  const rule = workflowSteps[step];
  if (!hasRole(ctx.actor.role, rule.role)) {
    return {
      ok: false,
      why: 'role',
      message: `Alleen een ${rule.role} of beheerder mag een nummer ${rule.label}.`,
    };
  }
  if (!(rule.from as readonly IssueStatus[]).includes(ctx.status)) {
    return {
      ok: false,
      why: 'status',
      message: `Een nummer met status ${statusLabels[ctx.status]} kunt u niet ${rule.label}.`,
    };
  }
  if (step === 'approve') {
    if (ctx.fourEyes && ctx.contentChangedBy === ctx.actor.id) {
      return {
        ok: false,
        why: 'four-eyes',
        message:
          'Vier-ogenprincipe: u heeft dit nummer zelf als laatste gewijzigd. Laat een collega het goedkeuren.',
      };
    }
    if (ctx.blockingProblems?.length) {
      return {
        ok: false,
        why: 'problems',
        message: `Los eerst dit op: ${ctx.blockingProblems.join(' ')}`,
      };
    }
  }
  if (step === 'startSend' && ctx.blockingProblems?.length) {
    return {
      ok: false,
      why: 'problems',
      message: `Verzenden kan nu niet: ${ctx.blockingProblems.join(' ')}`,
    };
  }
  if (step === 'schedule') {
    const now = ctx.now ?? new Date();
    if (!ctx.scheduledAt || ctx.scheduledAt.getTime() <= now.getTime()) {
      return { ok: false, why: 'time', message: 'Kies een moment in de toekomst.' };
    }
  }
  return { ok: true, to: rule.to };
}
