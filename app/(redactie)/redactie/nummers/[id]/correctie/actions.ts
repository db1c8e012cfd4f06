'use server';

import type { ActionState } from '@/lib/action-state';
import { ActionFailure, editorAction } from '@/lib/actions';
import { correctionInput, correctSentIssue } from '@/lib/archive/correct';
import { actorOf } from '@/lib/audit';

type Corrected = { version: number; paths: string[] };

/** Any editor may correct a sent issue's web version; the audit log keeps who changed what. */
export const correctIssue = editorAction<typeof correctionInput, Corrected>({
  name: 'correctIssue',
  role: 'redacteur',
  schema: correctionInput,
  mutate: (input, { editor, tx }) => {
    const result = correctSentIssue(tx, input, actorOf(editor));
    if (!result.ok)
      throw new ActionFailure({
        status: result.status,
        message: result.message,
        fieldErrors: result.fieldErrors,
      });
    const n = result.changes.length;
    return {
      status: 'ok',
      message: `Correctie gepubliceerd: ${n} ${n === 1 ? 'wijziging' : 'wijzigingen'}. De webversie toont nu "gecorrigeerd op".`,
      data: {
        version: input.version + 1,
        paths: [...result.paths, `/redactie/nummers/${input.issueId}`],
      },
    };
  },
  revalidate: (state: ActionState<Corrected>) => state.data?.paths ?? [],
});
