'use server';

import { and, eq } from 'drizzle-orm';
import { items, themes } from '@/db/schema';
import { editorAction, invalid } from '@/lib/actions';
import { issueDocument, type IssueDocument } from '@/lib/issue/document';
import { documentFromRows } from '@/lib/issue/storage';
import { saveIssueDocument } from '@/lib/issue/save';
import type { Db } from '@/db';
import { loadIssue } from '@/lib/issue/load';
import { z } from '@/lib/validation';

export type SaveData = { version: number; savedAt?: number; changedBy?: string; changedAt?: number; document?: IssueDocument };

const saveSchema = z.object({ issueId: z.number().int().positive(), version: z.number().int().positive(), document: issueDocument });

/** Autosave: the whole document, refused whole when invalid or based on an older version. */
export const saveIssue = editorAction<typeof saveSchema, SaveData>({
  name: 'nummer opslaan',
  role: 'redacteur',
  schema: saveSchema,
  explainInvalid: true,
  revalidate: ['/redactie/nummers'],
  mutate(input, { editor, tx }) {
    const result = saveIssueDocument(tx, { ...input, editorId: editor.id });
    switch (result.status) {
      case 'ok':
        return { status: 'ok', data: { version: result.version, savedAt: result.savedAt } satisfies SaveData };
      case 'conflict': {
        // Hand back their version so the editor can merge without losing either side's work.
        const current = loadIssue(tx as unknown as Db, input.issueId)!;
        const document = documentFromRows(current, current.newsletter.themes.map((t) => t.id), current.blocks);
        return {
          status: 'conflict',
          message: `${result.changedBy} heeft dit nummer intussen gewijzigd.`,
          data: { version: result.version, changedBy: result.changedBy, changedAt: result.changedAt, document } satisfies SaveData,
        };
      }
      default:
        return invalid(result.message);
    }
  },
});

/** After an item was dropped into another theme's section and the editor chose to follow it. */
export const changeItemTheme = editorAction({
  name: 'thema van item wijzigen',
  role: 'redacteur',
  schema: z.object({ itemId: z.number().int().positive(), themeId: z.number().int().positive() }),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const item = tx.select().from(items).where(eq(items.id, input.itemId)).get();
    if (!item) invalid('Dit item bestaat niet (meer).');
    const theme = tx
      .select()
      .from(themes)
      .where(and(eq(themes.id, input.themeId), eq(themes.newsletterId, item.newsletterId)))
      .get();
    if (!theme) invalid('Dit thema hoort niet bij de nieuwsbrief van het item.');
    tx.update(items).set({ themeId: theme.id, updatedBy: editor.id }).where(eq(items.id, item.id)).run();
    return { status: 'ok', message: `Het thema van het item is nu ${theme.name}.` };
  },
});
