'use server';

import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, items, type Item } from '@/db/schema';
import { editorAction, invalid } from '@/lib/actions';
import { libraryFilter } from '@/lib/issue/library-filter';
import {
  libraryItems,
  libraryPage,
  toLibraryItem,
  type LibraryItem,
  type LibraryPage,
} from '@/lib/issue/library-query';
import { themesOf } from '@/lib/items/queries';
import { createItemRecord, updateItemRecord } from '@/lib/items/save';
import { itemInput, itemVersion } from '@/lib/items/schema';
import { recordId, z } from '@/lib/validation';

// The builder's library beyond its first page: search, filters and paging on the server, and
// items written or edited in the side panel without leaving the builder.

function newsletterOf(tx: Tx, issueId: number): number {
  const issue = tx
    .select({ newsletterId: issues.newsletterId })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
  if (!issue) invalid('Dit nummer bestaat niet (meer).');
  return issue.newsletterId;
}

const pageSchema = z.intersection(
  libraryFilter,
  z.object({
    issueId: recordId,
    /** The items in the issue as the editor has it now, for "nog niet geplaatst". */
    placed: z.array(recordId).max(2000).default([]),
  }),
);

/** A page of the library: the filter's matches in its order, from where the last page ended. */
export const loadLibraryPage = editorAction<typeof pageSchema, LibraryPage>({
  name: 'bibliotheek doorzoeken',
  role: 'redacteur',
  schema: pageSchema,
  explainInvalid: true,
  mutate(input, { tx }) {
    const newsletterId = newsletterOf(tx, input.issueId);
    return { status: 'ok', data: libraryPage(tx, newsletterId, input, input.placed) };
  },
});

const heldSchema = z.object({ issueId: recordId, ids: z.array(recordId).max(500) });

/**
 * Items the issue holds that the builder has not seen: placed by another editor (a merged
 * conflict) beyond the pages loaded here. Archived ones too, so their blocks keep their titles.
 */
export const loadHeldItems = editorAction<typeof heldSchema, LibraryItem[]>({
  name: 'items van het nummer laden',
  role: 'redacteur',
  schema: heldSchema,
  explainInvalid: true,
  mutate(input, { tx }) {
    return { status: 'ok', data: libraryItems(tx, newsletterOf(tx, input.issueId), input.ids) };
  },
});

/** An item as the side panel edits it, with the themes it may be filed under. */
export type OpenedItem = { item: Item; themes: { id: number; name: string }[] };

const openSchema = z.object({ itemId: recordId });

export const openLibraryItem = editorAction<typeof openSchema, OpenedItem>({
  name: 'item openen',
  role: 'redacteur',
  schema: openSchema,
  explainInvalid: true,
  mutate(input, { tx }) {
    const item = tx.select().from(items).where(eq(items.id, input.itemId)).get();
    if (!item) invalid('Dit item bestaat niet (meer).');
    return { status: 'ok', data: { item, themes: themesOf(item.newsletterId, item.themeId) } };
  },
});

/** A new item in the issue's newsletter, for the top of the library. */
const createSchema = z.intersection(itemInput, z.object({ issueId: recordId }));

export const createLibraryItem = editorAction<typeof createSchema, LibraryItem>({
  name: 'item aanmaken',
  role: 'redacteur',
  schema: createSchema,
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const newsletterId = newsletterOf(tx, input.issueId);
    const item = createItemRecord(tx, editor.id, { ...input, newsletterId });
    return {
      status: 'ok',
      message: `Het item “${item.title}” staat bovenaan de bibliotheek.`,
      data: toLibraryItem(item),
    };
  },
});

/** The item's fields, saved as on its own page: validated, and refused over a newer version. */
const updateSchema = z.intersection(itemInput, itemVersion);

export const updateLibraryItem = editorAction<typeof updateSchema, LibraryItem>({
  name: 'item wijzigen',
  role: 'redacteur',
  schema: updateSchema,
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const item = updateItemRecord(tx, editor.id, input);
    return {
      status: 'ok',
      message: `Het item “${item.title}” is opgeslagen.`,
      data: toLibraryItem(item),
    };
  },
});
