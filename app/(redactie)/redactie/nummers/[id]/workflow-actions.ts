'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import type { ActionState } from '@/lib/action-state';
import { editorTask } from '@/lib/actions';
import { actorOf } from '@/lib/audit';
import type { SessionEditor } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { blockingMessages } from '@/lib/email/checks';
import { approvalChecks, deliverySetup } from '@/lib/email/delivery-checks';
import { renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { fromDutchLocal } from '@/lib/format-input';
import { addComment, commentInput } from '@/lib/issue/comments';
import { blockLabel } from '@/lib/issue/describe-changes';
import { allBlocks } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import { notifyAddresses, takeStep, workflowSteps, type StepInput } from '@/lib/issue/transition';
import { issueStatusLabels, type WorkflowStep } from '@/lib/issue/workflow';
import { sendMail } from '@/lib/mail';
import { issueIdentity } from '@/lib/newsletters/identity';
import { z } from '@/lib/validation';
import { workflowMail } from './workflow-mail';

const base = z.object({
  issueId: z.coerce.number({ error: 'Onbekend nummer.' }).int().positive('Onbekend nummer.'),
  version: z.coerce.number().int().positive().optional(),
  note: z.string().trim().max(2000, 'Een toelichting mag hoogstens 2000 tekens hebben.').optional(),
});
const scheduleSchema = base.extend({
  moment: z.string({ error: 'Kies datum en tijd.' }).transform((v, ctx) => {
    const date = fromDutchLocal(v);
    if (!date) ctx.addIssue({ code: 'custom', message: 'Kies datum en tijd.' });
    return date ?? new Date(0);
  }),
});

/** Mails the notice to each address; returns how many could not be sent. */
async function notify(
  addresses: string[],
  ...notice: Parameters<typeof workflowMail>
): Promise<number> {
  if (addresses.length === 0) return 0;
  const mail = await workflowMail(...notice);
  let unsent = 0;
  for (const to of addresses) {
    try {
      await sendMail({ to, ...mail });
    } catch (error) {
      unsent += 1;
      console.error('Melding niet verstuurd', error);
    }
  }
  return unsent;
}

async function run(
  step: WorkflowStep,
  input: z.output<typeof base> & { scheduledAt?: Date },
  editor: SessionEditor,
  extra: Partial<StepInput> = {},
): Promise<ActionState> {
  const actor = { ...actorOf(editor), role: editor.role };
  const result = db().transaction((tx) => {
    const taken = takeStep(tx, {
      issueId: input.issueId,
      version: input.version,
      step,
      editor: actor,
      note: input.note,
      scheduledAt: input.scheduledAt,
      ...extra,
    });
    return taken.ok
      ? {
          taken,
          notify: notifyAddresses(tx, step, taken.issue.contentChangedBy, editor.id),
          newsletter: issueIdentity(tx, taken.issue.id),
        }
      : { taken, notify: [] };
  });
  if (!result.taken.ok) return { status: result.taken.status, message: result.taken.message };

  const { issue } = result.taken;
  // Told after the commit: a mail problem must not undo the step, and is said, not hidden.
  const unsent =
    (step === 'requestReview' || step === 'sendBack') && result.newsletter
      ? await notify(result.notify, step, result.newsletter, {
          title: issue.title,
          actor: actor.label,
          note: input.note,
          link: `${getConfig().publicUrl}/redactie/nummers/${issue.id}`,
        })
      : 0;
  revalidatePath(`/redactie/nummers/${issue.id}`);
  revalidatePath('/redactie/nummers');
  revalidatePath('/redactie');
  const done = `Gelukt: het nummer is nu ${issueStatusLabels[result.taken.to].toLowerCase()}.`;
  return {
    status: 'ok',
    message: unsent ? `${done} ${unsent} melding(en) per mail konden niet worden verstuurd.` : done,
  };
}

const simple = (step: WorkflowStep, name: string) =>
  editorTask({
    name,
    role: workflowSteps[step].role,
    schema: base,
    explainInvalid: true,
    run: (input, { editor }) => run(step, input, editor),
  });

export const requestReview = simple('requestReview', 'nummer ter review aanbieden');
export const sendBack = simple('sendBack', 'nummer terugsturen');
export const unschedule = simple('unschedule', 'nummer uit de planning halen');

/**
 * Approval re-runs the checks on the stored content and the delivery setup: a blocking check
 * stops it (warnings do not). The step freezes the items' texts (lib/issue/sent-items.ts).
 */
export const approve = editorTask({
  name: 'nummer goedkeuren',
  role: workflowSteps.approve.role,
  schema: base,
  explainInvalid: true,
  async run(input, { editor }) {
    const source = emailSource(db(), input.issueId, getConfig().publicUrl);
    if (!source) return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
    const { html } = await renderIssueEmail(source);
    const checks = approvalChecks(source, Buffer.byteLength(html), deliverySetup(getConfig()));
    const problems = blockingMessages(checks);
    return run('approve', input, editor, { blockingProblems: problems });
  },
});

export const schedule = editorTask({
  name: 'nummer inplannen',
  role: workflowSteps.schedule.role,
  schema: scheduleSchema,
  explainInvalid: true,
  run: (input, { editor }) => run('schedule', { ...input, scheduledAt: input.moment }, editor),
});

/** A review remark on the issue or one of its blocks; any editor may write one. */
export const comment = editorTask({
  name: 'opmerking plaatsen',
  role: 'redacteur',
  schema: commentInput,
  explainInvalid: true,
  async run(input, { editor }) {
    const problem = db().transaction((tx) => {
      const loaded = loadIssueDocument(tx, input.issueId);
      const titles = (id: number) =>
        loaded?.issue.blocks.find((b) => b.itemId === id)?.item?.title ?? undefined;
      const labelOf = (blockId: string) => {
        const block = loaded && allBlocks(loaded.document).find((b) => b.id === blockId);
        return block ? blockLabel(block, titles) : undefined;
      };
      return addComment(tx, input, actorOf(editor), loaded?.document ?? null, labelOf);
    });
    if (problem) return { status: 'invalid', message: problem };
    revalidatePath(`/redactie/nummers/${input.issueId}`);
    return { status: 'ok', message: 'Uw opmerking is geplaatst.' };
  },
});
