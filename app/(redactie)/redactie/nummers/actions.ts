'use server';

import { eq } from 'drizzle-orm';
import { newsletters } from '@/db/schema';
import { editorAction, invalid, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { createIssue } from '@/lib/issue/create';
import { deleteDraftIssue } from '@/lib/issue/delete';
import { recordId, z } from '@/lib/validation';
import { issueTitle } from '@/lib/newsletters/title';

const create = editorAction({
  name: 'nummer aanmaken',
  role: 'redacteur',
  schema: z.object({
    newsletterId: recordId,
    // "Start van": empty for the start blocks, or a template of this newsletter.
    templateId: z
      .union([z.literal(''), recordId])
      .optional()
      .transform((v) => v || null),
  }),
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
    const issue = createIssue(tx, newsletter.id, editor.id, input.templateId);
    const title = issueTitle(newsletter, issue.number);
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'issue.created',
      entityType: 'issue',
      entityId: issue.id,
      summary: `${title} aangemaakt`,
      details: input.templateId ? { templateId: input.templateId } : undefined,
    });
    return { status: 'ok', data: issue.id };
  },
});

export const createIssueAction = redirectAfter(create, ({ data }) => `/redactie/nummers/${data}`);

const remove = editorAction({
  name: 'nummer verwijderen',
  role: 'redacteur',
  schema: z.object({ issueId: recordId }),
  explainInvalid: true,
  revalidate: ['/redactie/nummers', '/redactie'],
  mutate(input, { editor, tx }) {
    const deleted = deleteDraftIssue(tx, input.issueId, editor);
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'issue.deleted',
      entityType: 'issue',
      entityId: input.issueId,
      summary: `${deleted.name} (concept) verwijderd`,
      details: { newsletterId: deleted.newsletterId, number: deleted.number },
    });
    return { status: 'ok', data: deleted.name };
  },
});

/** Deletes a draft (lib/issue/delete.ts says who may) and returns to the list with a notice. */
export const deleteIssue = redirectAfter(
  remove,
  ({ data }) => `/redactie/nummers?verwijderd=${encodeURIComponent(data!)}`,
);
