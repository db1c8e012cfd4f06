import { describe, expect, it } from 'vitest';
import { editorRoles, issueStatuses, type EditorRole, type IssueStatus } from '@/db/schema';
import { decide, workflowSteps, type WorkflowContext, type WorkflowStep } from './workflow';

const now = new Date('2026-11-28T10:00:00Z');
const later = new Date('2026-11-28T10:01:00Z');
const ctx = (
  status: IssueStatus,
  role: EditorRole = 'admin',
  extra: Partial<WorkflowContext> = {},
): WorkflowContext => ({
  status,
  actor: { id: 'approver', role },
  fourEyes: true,
  contentChangedBy: 'author',
  scheduledAt: later,
  now,
  ...extra,
});
const steps = Object.keys(workflowSteps) as WorkflowStep[];

describe('workflow: the status a step starts from', () => {
  const allowed: Record<WorkflowStep, [IssueStatus, IssueStatus][]> = {
    requestReview: [['concept', 'review']],
    sendBack: [
      ['review', 'concept'],
      ['approved', 'concept'],
    ],
    approve: [['review', 'approved']],
    schedule: [['approved', 'scheduled']],
    unschedule: [['scheduled', 'approved']],
    startSend: [
      ['approved', 'sending'],
      ['scheduled', 'sending'],
    ],
  };
  for (const step of steps) {
    for (const status of issueStatuses) {
      const target = allowed[step].find(([from]) => from === status)?.[1];
      it(`${step} from ${status}: ${target ? `allowed, to ${target}` : 'refused'}`, () => {
        const decision = decide(step, ctx(status));
        if (target) expect(decision).toEqual({ ok: true, to: target });
        else expect(decision).toMatchObject({ ok: false, why: 'status' });
      });
    }
  }

  it('never sends without approval: concept and review cannot start a send', () => {
    for (const status of ['concept', 'review'] as const)
      expect(decide('startSend', ctx(status)).ok).toBe(false);
  });
});

describe('workflow: roles', () => {
  const minimum: Record<WorkflowStep, EditorRole> = {
    requestReview: 'redacteur',
    sendBack: 'hoofdredacteur',
    approve: 'hoofdredacteur',
    schedule: 'hoofdredacteur',
    unschedule: 'hoofdredacteur',
    startSend: 'hoofdredacteur',
  };
  const rank = { redacteur: 1, hoofdredacteur: 2, admin: 3 } as const;
  for (const step of steps) {
    const from = workflowSteps[step].from[0];
    for (const role of editorRoles) {
      const may = rank[role] >= rank[minimum[step]];
      it(`${role} ${may ? 'may' : 'may not'} ${step}`, () => {
        const decision = decide(step, ctx(from, role));
        if (may) expect(decision.ok).toBe(true);
        else
          expect(decision).toMatchObject({
            ok: false,
            why: 'role',
            message: expect.stringContaining('Alleen'),
          });
      });
    }
  }
});

describe('workflow: approval rules', () => {
  it('refuses the editor who last changed the content when four-eyes is on', () => {
    expect(
      decide('approve', ctx('review', 'hoofdredacteur', { contentChangedBy: 'approver' })),
    ).toMatchObject({ ok: false, why: 'four-eyes' });
  });

  it('lets them approve when the newsletter has four-eyes off', () => {
    expect(
      decide(
        'approve',
        ctx('review', 'hoofdredacteur', { contentChangedBy: 'approver', fourEyes: false }),
      ),
    ).toEqual({ ok: true, to: 'approved' });
  });

  it('refuses approval while checks report blocking problems, and names them', () => {
    expect(
      decide(
        'approve',
        ctx('review', 'hoofdredacteur', { blockingProblems: ['Het onderwerp ontbreekt.'] }),
      ),
    ).toMatchObject({
      ok: false,
      why: 'problems',
      message: expect.stringContaining('Het onderwerp ontbreekt.'),
    });
  });

  it('refuses a send start while the delivery setup has blocking problems', () => {
    for (const status of ['approved', 'scheduled'] as const)
      expect(
        decide('startSend', ctx(status, 'hoofdredacteur', { blockingProblems: ['Geen DKIM.'] })),
      ).toEqual({ ok: false, why: 'problems', message: 'Verzenden kan nu niet: Geen DKIM.' });
  });

  it('refuses a schedule in the past or without a time', () => {
    expect(
      decide('schedule', ctx('approved', 'hoofdredacteur', { scheduledAt: now })),
    ).toMatchObject({ ok: false, why: 'time' });
    expect(
      decide('schedule', ctx('approved', 'hoofdredacteur', { scheduledAt: undefined })),
    ).toMatchObject({ ok: false, why: 'time' });
  });
});
