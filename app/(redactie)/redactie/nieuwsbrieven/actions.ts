'use server';

import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/action-state';
import { editorAction, invalid } from '@/lib/actions';
import {
  archiveNewsletter,
  createNewsletter,
  restoreNewsletter,
  updateNewsletter,
  type ServiceResult,
} from '@/lib/newsletters/service';
import { newsletterSettingsForm, settingsFromForm } from '@/lib/newsletters/settings';
import { newsletterPaths } from '@/lib/archive/paths';
import { z } from '@/lib/validation';
import { actorOf } from '@/lib/audit';

// Every screen that shows a newsletter's name, colour, sender or footer: the editor's, and the
// cached public pages (named with their route group, or Next refreshes nothing).
const revalidate = [
  '/redactie/nieuwsbrieven',
  '/redactie/nieuwsbrieven/[id]',
  '/redactie/nummers',
  '/redactie',
  ...newsletterPaths,
];

/** The service's refusal rolls the transaction back and answers the form. */
function answer(result: ServiceResult<object>): ActionState {
  if (!result.ok) invalid(result.message, result.fieldErrors);
  return { status: 'ok', message: result.message, data: result };
}

const create = editorAction({
  name: 'nieuwsbrief aanmaken',
  role: 'admin',
  schema: newsletterSettingsForm,
  revalidate,
  mutate: (input, { editor, tx }) => answer(createNewsletter(tx, input, actorOf(editor))),
});

export async function createNewsletterAction(
  previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const result = await create(previous, form);
  const created = result.data as { id?: number } | undefined;
  if (result.status === 'ok' && created?.id)
    redirect(`/redactie/nieuwsbrieven/${created.id}?aangemaakt=1`);
  return result;
}

const id = z.coerce
  .number({ error: 'Onbekende nieuwsbrief.' })
  .int()
  .positive('Onbekende nieuwsbrief.');

export const updateNewsletterAction = editorAction({
  name: 'nieuwsbrief wijzigen',
  role: 'admin',
  // The settings themselves are checked by the service, with the same schema as "create".
  schema: z.object({ id }).loose(),
  revalidate,
  mutate: (input, { editor, tx }) =>
    answer(updateNewsletter(tx, input.id, settingsFromForm(input), actorOf(editor))),
});

export const archiveNewsletterAction = editorAction({
  name: 'nieuwsbrief archiveren',
  role: 'admin',
  schema: z.object({ id }),
  explainInvalid: true,
  revalidate,
  mutate: (input, { editor, tx }) => answer(archiveNewsletter(tx, input.id, actorOf(editor))),
});

export const restoreNewsletterAction = editorAction({
  name: 'nieuwsbrief terugzetten',
  role: 'admin',
  schema: z.object({ id }),
  explainInvalid: true,
  revalidate,
  mutate: (input, { editor, tx }) => answer(restoreNewsletter(tx, input.id, actorOf(editor))),
});
