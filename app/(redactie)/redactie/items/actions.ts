'use server';

import { editorAction, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { removeItem, restoreItem } from '@/lib/items/lifecycle';
import { createItemRecord, updateItemRecord } from '@/lib/items/save';
import { itemInput, itemVersion } from '@/lib/items/schema';
import { recordId, z } from '@/lib/validation';

const create = editorAction({
  name: 'item aanmaken',
  role: 'redacteur',
  schema: z.intersection(itemInput, z.object({ newsletterId: recordId })),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    createItemRecord(tx, editor.id, input);
    return { status: 'ok' };
  },
});

const update = editorAction({
  name: 'item wijzigen',
  role: 'redacteur',
  schema: z.intersection(itemInput, itemVersion),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    updateItemRecord(tx, editor.id, input);
    return { status: 'ok' };
  },
});

export const createItem = redirectAfter(create, () => '/redactie/items?opgeslagen=1');
export const updateItem = redirectAfter(update, () => '/redactie/items?opgeslagen=1');

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
      actor: actorOf(editor),
      action: archived ? 'item.archived' : 'item.deleted',
      entityType: 'item',
      entityId: input.id,
      summary: `Item "${removed.title}" ${archived ? 'gearchiveerd (was verzonden)' : 'verwijderd'}`,
    });
    return { status: 'ok', data: removed.outcome };
  },
});

/** Deletes an item never sent, archives one that was; refused while an unsent issue holds it. */
export const removeItemAction = redirectAfter(
  remove,
  ({ data }) => `/redactie/items?${data === 'archived' ? 'gearchiveerd' : 'verwijderd'}=1`,
);

export const restoreItemAction = editorAction({
  name: 'item terugzetten',
  role: 'redacteur',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate: ['/redactie/items', '/redactie/items/[id]'],
  mutate(input, { editor, tx }) {
    const restored = restoreItem(tx, input.id);
    recordAudit(tx, {
      actor: actorOf(editor),
      action: 'item.restored',
      entityType: 'item',
      entityId: input.id,
      summary: `Item "${restored.title}" teruggezet in de bibliotheek`,
    });
    return { status: 'ok', message: 'Het item staat weer in de bibliotheek.' };
  },
});
