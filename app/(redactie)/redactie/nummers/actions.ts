'use server';

import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { newsletters } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { editorAction, invalid } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { editorLabel } from '@/lib/auth/guard';
import { createIssue } from '@/lib/issue/create';
import { z } from '@/lib/validation';
import { issueTitle } from '@/lib/newsletters/title';

const create = editorAction({
  name: 'nummer aanmaken',
  role: 'redacteur',
  schema: z.object({ newsletterId: z.coerce.number().int().positive() }),
  revalidate: ['/redactie/nummers', '/redactie'],
  mutate(input, { editor, tx }) {
    const newsletter = tx
      .select()
      .from(newsletters)
      .where(eq(newsletters.id, input.newsletterId))
      .get();
    if (!newsletter) invalid('Deze nieuwsbrief bestaat niet.');
    if (newsletter.archivedAt)
      invalid(
        `${newsletter.name} is gearchiveerd en krijgt geen nieuwe nummers. Zet de nieuwsbrief eerst terug.`,
      );
    const issue = createIssue(tx, newsletter.id, editor.id);
    const title = issueTitle(newsletter, issue.number);
    recordAudit(tx, {
      actor: { id: editor.id, label: editorLabel(editor) },
      action: 'issue.created',
      entityType: 'issue',
      entityId: issue.id,
      summary: `${title} aangemaakt`,
    });
    return { status: 'ok', data: issue.id };
  },
});

export async function createIssueAction(
  previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const result = await create(previous as ActionState<number>, form);
  if (result.status === 'ok' && result.data) redirect(`/redactie/nummers/${result.data}`);
  return result;
}
