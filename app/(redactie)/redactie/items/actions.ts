'use server';

import { and, eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { items, newsletters, themes } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { Tx } from '@/db';
import { editorAction, invalid } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { editorLabel } from '@/lib/auth/guard';
import { isPlaced, removeItem, restoreItem } from '@/lib/items/lifecycle';
import { itemInput, itemValues } from '@/lib/items/schema';
import { placeableImage } from '@/lib/media/library';
import { recordId, z } from '@/lib/validation';

/** A theme of this newsletter; an archived one only for an item that is already under it. */
function checkTheme(tx: Tx, newsletterId: number, themeId: number, current?: number) {
  const theme = tx
    .select()
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.newsletterId, newsletterId)))
    .get();
  if (!theme || (theme.archivedAt && theme.id !== current))
    invalid('Kies een thema van deze nieuwsbrief.', {
      themeId: theme
        ? `Het thema ${theme.name} is gearchiveerd; kies een ander thema.`
        : 'Kies een thema van deze nieuwsbrief.',
    });
}

function liveNewsletter(tx: Tx, newsletterId: number) {
  const newsletter = tx.select().from(newsletters).where(eq(newsletters.id, newsletterId)).get();
  if (!newsletter)
    invalid('Deze nieuwsbrief bestaat niet.', { newsletterId: 'Kies een nieuwsbrief.' });
  if (newsletter.archivedAt)
    invalid('Deze nieuwsbrief is gearchiveerd en krijgt geen nieuwe items.', {
      newsletterId: 'Kies een nieuwsbrief die niet is gearchiveerd.',
    });
  return newsletter;
}

const create = editorAction({
  name: 'item aanmaken',
  role: 'redacteur',
  schema: z.intersection(itemInput, z.object({ newsletterId: recordId })),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const newsletter = liveNewsletter(tx, input.newsletterId);
    checkTheme(tx, newsletter.id, input.themeId);
    if (input.imageMediaId) placeableImage(tx, newsletter.id, input.imageMediaId);
    tx.insert(items)
      .values({
        ...itemValues(input),
        newsletterId: newsletter.id,
        createdBy: editor.id,
        updatedBy: editor.id,
      })
      .run();
    return { status: 'ok' };
  },
});

const moveRefused = 'Dit item staat al in een nummer en kan niet naar een andere nieuwsbrief.';

const update = editorAction({
  name: 'item wijzigen',
  role: 'redacteur',
  schema: z.intersection(itemInput, z.object({ id: recordId, newsletterId: recordId.optional() })),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const item = tx.select().from(items).where(eq(items.id, input.id)).get();
    if (!item) invalid('Dit item bestaat niet (meer).');
    const newsletterId = input.newsletterId ?? item.newsletterId;
    // Its issue and its theme's section are of one newsletter: once placed, it stays there.
    if (newsletterId !== item.newsletterId) {
      if (isPlaced(tx, item.id)) invalid(moveRefused, { newsletterId: moveRefused });
      liveNewsletter(tx, newsletterId);
    }
    checkTheme(tx, newsletterId, input.themeId, item.themeId);
    if (input.imageMediaId) placeableImage(tx, newsletterId, input.imageMediaId);
    tx.update(items)
      .set({ ...itemValues(input), newsletterId, updatedBy: editor.id })
      .where(eq(items.id, item.id))
      .run();
    return { status: 'ok' };
  },
});

export async function createItem(previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await create(previous, form);
  if (result.status === 'ok') redirect('/redactie/items?opgeslagen=1');
  return result;
}

export async function updateItem(previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await update(previous, form);
  if (result.status === 'ok') redirect('/redactie/items?opgeslagen=1');
  return result;
}

const remove = editorAction({
  name: 'item verwijderen',
  role: 'redacteur',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate: ['/redactie/items', '/redactie/nummers/[id]'],
  mutate(input, { editor, tx }) {
    const removed = removeItem(tx, input.id);
    const archived = removed.outcome === 'archived';
    recordAudit(tx, {
      actor: { id: editor.id, label: editorLabel(editor) },
      action: archived ? 'item.archived' : 'item.deleted',
      entityType: 'item',
      entityId: input.id,
      summary: `Item "${removed.title}" ${archived ? 'gearchiveerd (was verzonden)' : 'verwijderd'}`,
    });
    return { status: 'ok', data: removed.outcome };
  },
});

/** Deletes an item never sent, archives one that was; refused while an unsent issue holds it. */
export async function removeItemAction(
  previous: ActionState,
  payload: unknown,
): Promise<ActionState> {
  const result = await remove(previous as ActionState<never>, payload);
  if (result.status === 'ok')
    redirect(`/redactie/items?${result.data === 'archived' ? 'gearchiveerd' : 'verwijderd'}=1`);
  return result;
}

export const restoreItemAction = editorAction({
  name: 'item terugzetten',
  role: 'redacteur',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate: ['/redactie/items', '/redactie/items/[id]'],
  mutate(input, { editor, tx }) {
    const restored = restoreItem(tx, input.id);
    recordAudit(tx, {
      actor: { id: editor.id, label: editorLabel(editor) },
      action: 'item.restored',
      entityType: 'item',
      entityId: input.id,
      summary: `Item "${restored.title}" teruggezet in de bibliotheek`,
    });
    return { status: 'ok', message: 'Het item staat weer in de bibliotheek.' };
  },
});
