'use server';

import { db } from '@/db';
import { editorAction, editorTask, invalid } from '@/lib/actions';
import type { ActionState } from '@/lib/action-state';
import { getConfig } from '@/lib/config';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import {
  previewThemes,
  resetMailText,
  saveMailText,
  setWelcomeMail,
  type MailTextChange,
} from '@/lib/newsletters/mail-text-store';
import {
  mailTextDefinitions,
  mailTextFormSchema,
  mailTextKinds,
} from '@/lib/newsletters/mail-texts';
import { textMail } from '@/lib/subscribers/mails';
import { z } from '@/lib/validation';
import { actorOf } from '@/lib/audit';

const revalidate = ['/redactie/nieuwsbrieven/[id]/mails'];
const newsletterId = z.coerce
  .number({ error: 'Onbekende nieuwsbrief.' })
  .int('Onbekende nieuwsbrief.')
  .positive('Onbekende nieuwsbrief.');
const kind = z.enum(mailTextKinds, { error: 'Onbekende mail.' });

function answer(change: MailTextChange, ok: string): ActionState {
  if (change === 'missing') invalid('Deze nieuwsbrief bestaat niet (meer).');
  return { status: 'ok', message: change === 'unchanged' ? 'Er was niets gewijzigd.' : ok };
}

export const saveMailTextAction = editorAction({
  name: 'systeemmail wijzigen',
  role: 'admin',
  schema: mailTextFormSchema,
  revalidate,
  mutate(input, { editor, tx }) {
    const change = saveMailText(tx, actorOf(editor), {
      newsletterId: input.newsletterId,
      kind: input.kind,
      text: { subject: input.subject, body: input.body },
    });
    return answer(
      change,
      `De ${mailTextDefinitions[input.kind].label.toLowerCase()} is opgeslagen.`,
    );
  },
});

export const resetMailTextAction = editorAction({
  name: 'systeemmail herstellen',
  role: 'admin',
  schema: z.object({ newsletterId, kind }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const change = resetMailText(tx, actorOf(editor), input);
    // `at` tells the form to show the default text again, even after a second reset.
    return {
      ...answer(
        change,
        `De ${mailTextDefinitions[input.kind].label.toLowerCase()} heeft weer de standaardtekst.`,
      ),
      data: { at: Date.now() },
    };
  },
});

export const saveWelcomeMailAction = editorAction({
  name: 'welkomstmail aan of uit',
  role: 'admin',
  schema: z.object({
    newsletterId,
    welkomstmail: z
      .enum(['aan'], { error: 'Kies of de welkomstmail aan of uit staat.' })
      .optional()
      .transform((value) => value === 'aan'),
  }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const change = setWelcomeMail(tx, actorOf(editor), {
      newsletterId: input.newsletterId,
      on: input.welkomstmail,
    });
    return answer(
      change,
      input.welkomstmail
        ? 'Nieuwe abonnees krijgen na het bevestigen een welkomstmail.'
        : 'Nieuwe abonnees krijgen na het bevestigen geen welkomstmail meer.',
    );
  },
});

export type MailPreview = { subject: string; html: string; text: string };

/** The mail as a reader would get it, from the text in the form (saved or not), with example links. */
export const previewMailTextAction = editorTask({
  name: 'systeemmail voorbeeld',
  role: 'admin',
  schema: mailTextFormSchema,
  async run(input): Promise<ActionState<MailPreview>> {
    const newsletter = newsletterIdentity(db(), input.newsletterId);
    if (!newsletter) return { status: 'invalid', message: 'Deze nieuwsbrief bestaat niet (meer).' };
    const base = getConfig().publicUrl;
    const text = { subject: input.subject, body: input.body };
    const mail =
      input.kind === 'bevestiging'
        ? await textMail(
            newsletter,
            'bevestiging',
            { link: `${base}/aanmelden/bevestigen/voorbeeld` },
            text,
          )
        : input.kind === 'al-aangemeld'
          ? await textMail(
              newsletter,
              'al-aangemeld',
              { link: `${base}/voorkeuren/voorbeeld` },
              text,
            )
          : await textMail(
              newsletter,
              'welkom',
              {
                themes: previewThemes(db(), input.newsletterId),
                preferencesLink: `${base}/voorkeuren/voorbeeld`,
                unsubscribeLink: `${base}/afmelden/voorbeeld`,
              },
              text,
            );
    return {
      status: 'ok',
      message: 'Het voorbeeld hieronder toont de tekst zoals die nu in het formulier staat.',
      data: { subject: mail.subject, html: mail.html, text: mail.text },
    };
  },
});
