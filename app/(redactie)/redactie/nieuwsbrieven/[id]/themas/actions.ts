'use server';

import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { newsletters } from '@/db/schema';
import { editorAction, invalid } from '@/lib/actions';
import {
  addTheme,
  archiveTheme,
  deleteTheme,
  moveTheme,
  renameTheme,
  reorderThemes,
  restoreTheme,
  THEME_NAME_MAX,
} from '@/lib/newsletters/themes';
import { recordId, z } from '@/lib/validation';
import { actorOf } from '@/lib/audit';

const themeInput = z.object({ newsletterId: recordId, themeId: recordId });
const name = z
  .string()
  .trim()
  .min(1, 'Geef het thema een naam.')
  .max(THEME_NAME_MAX, `Een themanaam heeft hoogstens ${THEME_NAME_MAX} tekens.`);

// Archiving and reordering change what sign-up, preferences, items and the builder offer.
const revalidate = [
  '/redactie/nieuwsbrieven/[id]/themas',
  '/redactie/items',
  '/redactie/nummers/[id]',
  '/aanmelden',
];

function requireNewsletter(tx: Tx, newsletterId: number) {
  const found = tx
    .select({ id: newsletters.id })
    .from(newsletters)
    .where(eq(newsletters.id, newsletterId))
    .get();
  if (!found) invalid('Deze nieuwsbrief bestaat niet (meer).');
}

export const addThemeAction = editorAction({
  name: 'thema toevoegen',
  role: 'admin',
  schema: z.object({ newsletterId: recordId, name }),
  revalidate,
  mutate(input, { editor, tx }) {
    requireNewsletter(tx, input.newsletterId);
    const theme = addTheme(tx, input.newsletterId, input.name, actorOf(editor));
    return { status: 'ok', message: `Thema “${theme.name}” is toegevoegd.` };
  },
});

export const renameThemeAction = editorAction({
  name: 'thema hernoemen',
  role: 'admin',
  schema: themeInput.extend({ name }),
  revalidate,
  mutate(input, { editor, tx }) {
    const theme = renameTheme(tx, input.themeId, input.name, actorOf(editor), input.newsletterId);
    return {
      status: 'ok',
      message: `De naam is nu “${theme.name}”. Verzonden nummers houden de oude naam.`,
    };
  },
});

export const archiveThemeAction = editorAction({
  name: 'thema archiveren',
  role: 'admin',
  schema: themeInput,
  revalidate,
  explainInvalid: true,
  mutate(input, { editor, tx }) {
    const theme = archiveTheme(tx, input.themeId, actorOf(editor), input.newsletterId);
    return { status: 'ok', message: `Thema “${theme.name}” is gearchiveerd.` };
  },
});

export const restoreThemeAction = editorAction({
  name: 'thema terugzetten',
  role: 'admin',
  schema: themeInput,
  revalidate,
  explainInvalid: true,
  mutate(input, { editor, tx }) {
    const theme = restoreTheme(tx, input.themeId, actorOf(editor), input.newsletterId);
    return { status: 'ok', message: `Thema “${theme.name}” is teruggezet.` };
  },
});

export const deleteThemeAction = editorAction({
  name: 'thema verwijderen',
  role: 'admin',
  schema: themeInput,
  revalidate,
  explainInvalid: true,
  mutate(input, { editor, tx }) {
    deleteTheme(tx, input.themeId, actorOf(editor), input.newsletterId);
    return { status: 'ok', message: 'Het thema is verwijderd.' };
  },
});

export const moveThemeAction = editorAction({
  name: 'thema verplaatsen',
  role: 'admin',
  schema: themeInput.extend({ direction: z.enum(['up', 'down']) }),
  revalidate,
  explainInvalid: true,
  mutate(input, { editor, tx }) {
    moveTheme(tx, input.themeId, input.direction, actorOf(editor), input.newsletterId);
    return { status: 'ok', message: 'De volgorde is opgeslagen.' };
  },
});

export const reorderThemesAction = editorAction({
  name: 'thema’s ordenen',
  role: 'admin',
  schema: z.object({ newsletterId: recordId, order: z.array(recordId).min(1).max(500) }),
  revalidate,
  explainInvalid: true,
  mutate(input, { editor, tx }) {
    requireNewsletter(tx, input.newsletterId);
    reorderThemes(tx, input.newsletterId, input.order, actorOf(editor));
    return { status: 'ok', message: 'De volgorde is opgeslagen.' };
  },
});
