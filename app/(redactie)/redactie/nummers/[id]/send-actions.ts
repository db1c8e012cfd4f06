'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import type { ActionState } from '@/lib/action-state';
import { editorTask } from '@/lib/actions';
import { actorOf } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { deliverySetup } from '@/lib/email/delivery-checks';
import { workflowSteps } from '@/lib/issue/workflow';
import { controlSend, type SendControl } from '@/lib/send/control';
import { startSend } from '@/lib/send/plan';
import { z } from '@/lib/validation';

const input = z.object({
  issueId: z.coerce.number({ error: 'Onbekend nummer.' }).int().positive('Onbekend nummer.'),
  version: z.coerce.number().int().positive().optional(),
});

function refresh(issueId: number) {
  revalidatePath(`/redactie/nummers/${issueId}`);
  revalidatePath('/redactie/nummers');
  revalidatePath('/redactie');
}

/**
 * "Nu verzenden": freezes the audience and hands the send to the worker; refused while the
 * delivery setup would make the mail fail (an issue approved before the configuration changed).
 */
export const sendNow = editorTask({
  name: 'nummer verzenden',
  role: workflowSteps.startSend.role,
  schema: input,
  explainInvalid: true,
  async run({ issueId, version }, { editor }): Promise<ActionState> {
    const result = db().transaction((tx) =>
      startSend(tx, {
        issueId,
        version,
        editor: { ...actorOf(editor), role: editor.role },
        delivery: deliverySetup(getConfig()),
      }),
    );
    if (!result.ok) return { status: result.status, message: result.message };
    refresh(issueId);
    const skipped = result.suppressed
      ? ` ${result.suppressed} adres(sen) op de onderdrukkingslijst overgeslagen.`
      : '';
    return {
      status: 'ok',
      message: `De verzending is gestart: ${result.recipients} abonnee(s).${skipped}`,
    };
  },
});

const control = (what: SendControl, name: string) =>
  editorTask({
    name,
    role: workflowSteps.startSend.role,
    schema: input,
    explainInvalid: true,
    async run({ issueId }, { editor }): Promise<ActionState> {
      const result = db().transaction((tx) => controlSend(tx, issueId, what, actorOf(editor)));
      if (!result.ok) return { status: 'conflict', message: result.message };
      refresh(issueId);
      return { status: 'ok', message: result.message };
    },
  });

export const pauseSend = control('pause', 'verzending pauzeren');
export const resumeSend = control('resume', 'verzending hervatten');
export const cancelSend = control('cancel', 'verzending annuleren');
