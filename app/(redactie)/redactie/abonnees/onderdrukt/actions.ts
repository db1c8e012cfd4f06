'use server';

import { editorAction, invalid, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { subscriberEmail } from '@/lib/subscribers/address';
import { liftSuppression, suppressManually } from '@/lib/subscribers/suppression-admin';
import { suppressionReasonLabels } from '@/lib/subscribers/suppression-filter';
import { recordId, z } from '@/lib/validation';

const revalidate = ['/redactie/abonnees/onderdrukt', '/redactie/abonnees'];

// The audit lines name the suppression by id, never by address: an erasure later must not
// leave the address behind in the log (see eraseSubscriber).

export const addSuppression = editorAction({
  name: 'adres onderdrukken',
  role: 'admin',
  schema: z.object({
    email: subscriberEmail,
    detail: z
      .string({ error: 'Geef een reden op.' })
      .trim()
      .min(3, 'Geef een reden op van minstens 3 tekens.')
      .max(500, 'Een reden mag hoogstens 500 tekens hebben.'),
  }),
  revalidate,
  mutate(input, { editor, tx }) {
    const added = suppressManually(tx, { email: input.email, detail: input.detail, by: editor.id });
    if (!added)
      invalid('Dit adres staat al op de onderdrukkingslijst.', {
        email: 'Dit adres staat al op de onderdrukkingslijst.',
      });
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'suppression.added',
      entityType: 'suppression',
      entityId: added.id,
      summary: `Adres handmatig op de onderdrukkingslijst gezet (#${added.id}): ${input.detail}`,
      details: { reason: 'manual', detail: input.detail, subscribersStopped: added.stopped },
    });
    return {
      status: 'ok',
      message: `Het adres staat nu op de onderdrukkingslijst en krijgt geen e-mail meer.${added.stopped ? ' De abonnee met dit adres staat nu op Onbestelbaar.' : ''}`,
    };
  },
});

const lift = editorAction({
  name: 'onderdrukking opheffen',
  role: 'admin',
  schema: z.object({
    id: recordId,
    reason: z
      .string({ error: 'Geef een reden op.' })
      .trim()
      .min(5, 'Geef een reden op van minstens 5 tekens.')
      .max(500, 'Een reden mag hoogstens 500 tekens hebben.'),
  }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const lifted = liftSuppression(tx, { id: input.id, reason: input.reason, by: editor.id });
    if (!lifted) invalid('Deze onderdrukking bestaat niet of is al opgeheven.');
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'suppression.lifted',
      entityType: 'suppression',
      entityId: lifted.id,
      summary: `Onderdrukking #${lifted.id} opgeheven (${suppressionReasonLabels[lifted.reason].toLowerCase()}): ${input.reason}`,
      details: { reason: lifted.reason, liftReason: input.reason },
    });
    return { status: 'ok' };
  },
});

export const liftSuppressionAction = redirectAfter(
  lift,
  () => '/redactie/abonnees/onderdrukt?opgeheven=1',
);
