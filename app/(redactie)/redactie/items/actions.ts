'use server';

import { and, eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { items, newsletters, themes } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { Tx } from '@/db';
import { editorAction, invalid } from '@/lib/actions';
import { itemInput, itemValues } from '@/lib/items/schema';
import { z } from '@/lib/validation';

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

const create = editorAction({
  name: 'item aanmaken',
  role: 'redacteur',
  schema: z.intersection(itemInput, z.object({ newsletterId: z.coerce.number().int().positive() })),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const newsletter = tx
      .select()
      .from(newsletters)
      .where(eq(newsletters.id, input.newsletterId))
      .get();
    if (!newsletter) invalid('Deze nieuwsbrief bestaat niet.');
    checkTheme(tx, newsletter.id, input.themeId);
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

const update = editorAction({
  name: 'item wijzigen',
  role: 'redacteur',
  schema: z.intersection(itemInput, z.object({ id: z.coerce.number().int().positive() })),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const item = tx.select().from(items).where(eq(items.id, input.id)).get();
    if (!item) invalid('Dit item bestaat niet (meer).');
    checkTheme(tx, item.newsletterId, input.themeId, item.themeId);
    tx.update(items)
      .set({ ...itemValues(input), updatedBy: editor.id })
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
