'use server';

import type { Tx } from '@/db';
import { editorAction, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { type SessionEditor } from '@/lib/auth/guard';
import { deleteTemplate, renameTemplate, saveTemplate, templateName } from '@/lib/issue/templates';
import { checkbox, recordId, z } from '@/lib/validation';

// Issue templates (lib/issue/templates.ts): saved from the builder, listed and managed under
// /redactie/nummers/sjablonen, offered by "Nieuw nummer". Any editor may save one; the service
// says who may replace, rename or delete one.

const revalidate = ['/redactie/nummers', '/redactie/nummers/sjablonen'];

function audit(
  tx: Tx,
  editor: SessionEditor,
  template: { id: number; newsletterId: number },
  action: string,
  summary: string,
) {
  recordAudit(tx, {
    actor: actorOf(editor),
    action: `issue.template_${action}`,
    entityType: 'issue_template',
    entityId: template.id,
    summary,
    details: { newsletterId: template.newsletterId },
  });
}

export const saveTemplateAction = editorAction({
  name: 'sjabloon opslaan',
  role: 'redacteur',
  schema: z.object({
    issueId: recordId,
    version: recordId,
    name: templateName,
    replace: checkbox,
  }),
  revalidate,
  mutate(input, { editor, tx }) {
    const { template, replaced } = saveTemplate(tx, input, editor);
    audit(
      tx,
      editor,
      template,
      replaced ? 'replaced' : 'saved',
      `Sjabloon “${template.name}” ${replaced ? 'vervangen' : 'opgeslagen'} vanuit nummer ${input.issueId}`,
    );
    return {
      status: 'ok',
      message: `Sjabloon “${template.name}” is ${replaced ? 'vervangen' : 'opgeslagen'}.`,
    };
  },
});

export const renameTemplateAction = editorAction({
  name: 'sjabloon hernoemen',
  role: 'redacteur',
  schema: z.object({ templateId: recordId, name: templateName }),
  revalidate,
  mutate(input, { editor, tx }) {
    const { before, template } = renameTemplate(tx, input.templateId, input.name, editor);
    audit(tx, editor, template, 'renamed', `Sjabloon “${before}” hernoemd tot “${template.name}”`);
    return { status: 'ok', message: `Het sjabloon heet nu “${template.name}”.` };
  },
});

const remove = editorAction({
  name: 'sjabloon verwijderen',
  role: 'redacteur',
  schema: z.object({ templateId: recordId }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const template = deleteTemplate(tx, input.templateId, editor);
    audit(tx, editor, template, 'deleted', `Sjabloon “${template.name}” verwijderd`);
    return { status: 'ok', data: template.name };
  },
});

/** Deletes a template and returns to the list with a notice (its row, dialog and all, is gone). */
export const deleteTemplateAction = redirectAfter(
  remove,
  ({ data }) => `/redactie/nummers/sjablonen?verwijderd=${encodeURIComponent(data!)}`,
);
