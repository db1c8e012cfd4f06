'use server';

import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { media, type Media } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { editorAction } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { type SessionEditor } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { describeImage, imageDescription } from '@/lib/media/library';
import { deleteImage, removeImageFiles } from '@/lib/media/usage';
import { Refusal } from '@/lib/refusal';
import { recordId, z } from '@/lib/validation';

const revalidate = ['/redactie/media', '/redactie/items/[id]', '/redactie/nummers/[id]'];

function audit(tx: Tx, editor: SessionEditor, image: Media, action: string, summary: string) {
  recordAudit(tx, {
    actor: actorOf(editor),
    action: `media.${action}`,
    entityType: 'media',
    entityId: image.id,
    summary: `Afbeelding "${image.name}" ${summary}`,
    details: { newsletterId: image.newsletterId },
  });
}

function imageOf(tx: Tx, id: number): Media {
  const image = tx.select().from(media).where(eq(media.id, id)).get();
  if (!image) throw new Refusal('Deze afbeelding bestaat niet (meer).');
  return image;
}

export const describeImageAction = editorAction({
  name: 'afbeelding beschrijven',
  role: 'redacteur',
  schema: z.intersection(imageDescription, z.object({ id: recordId })),
  revalidate,
  mutate({ id, ...description }, { editor, tx }) {
    const image = describeImage(tx, id, description);
    audit(
      tx,
      editor,
      image,
      'described',
      image.decorative ? 'als decoratief gemarkeerd' : 'beschreven',
    );
    return {
      status: 'ok',
      message: image.decorative
        ? 'Opgeslagen: de afbeelding is decoratief en kan geplaatst worden.'
        : 'Opgeslagen: de afbeelding is beschreven en kan geplaatst worden.',
    };
  },
});

const remove = editorAction({
  name: 'afbeelding verwijderen',
  role: 'redacteur',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate,
  mutate({ id }, { editor, tx }) {
    const image = imageOf(tx, id);
    const files = deleteImage(tx, id);
    audit(tx, editor, image, 'deleted', 'verwijderd');
    return { status: 'ok', message: `“${image.name}” is verwijderd.`, data: files };
  },
});

/** The files go once the rows are gone for good: a rolled-back delete keeps them. */
export async function deleteImageAction(
  previous: ActionState,
  payload: unknown,
): Promise<ActionState> {
  const result = await remove(previous as ActionState<string[]>, payload);
  if (result.status === 'ok') removeImageFiles(getConfig().dataDir, result.data ?? []);
  return { ...result, data: undefined };
}
