'use server';

import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { newsletters, type ReusableBlock } from '@/db/schema';
import { editorAction, invalid, redirectAfter } from '@/lib/actions';
import { recordAudit, actorOf } from '@/lib/audit';
import { type SessionEditor } from '@/lib/auth/guard';
import {
  archiveReusableBlock,
  createReusableBlock,
  getReusableBlock,
  moveStartBlock,
  restoreReusableBlock,
  reusableBlockInput,
  startOrder,
  updateReusableBlock,
} from '@/lib/issue/reusable-blocks';
import { recordId, z } from '@/lib/validation';

const revalidate = ['/redactie/blokken', '/redactie/nummers/[id]'];

function audit(
  tx: Tx,
  editor: SessionEditor,
  block: ReusableBlock,
  action: string,
  summary: string,
) {
  recordAudit(tx, {
    actor: actorOf(editor),
    action: `block.${action}`,
    entityType: 'reusable_block',
    entityId: block.id,
    summary: `Vast blok "${block.name}" ${summary}`,
    details: { newsletterId: block.newsletterId, kind: block.kind },
  });
}

function slugOf(tx: Tx, newsletterId: number): string {
  return tx.select().from(newsletters).where(eq(newsletters.id, newsletterId)).get()!.slug;
}

const create = editorAction({
  name: 'vast blok aanmaken',
  role: 'admin',
  schema: z.intersection(reusableBlockInput, z.object({ newsletterId: recordId })),
  revalidate,
  mutate(input, { editor, tx }) {
    const block = createReusableBlock(tx, input.newsletterId, input);
    audit(
      tx,
      editor,
      block,
      'created',
      block.inNewIssues ? 'aangemaakt (in elk nieuw nummer)' : 'aangemaakt',
    );
    return { status: 'ok', data: slugOf(tx, block.newsletterId) };
  },
});

const update = editorAction({
  name: 'vast blok wijzigen',
  role: 'admin',
  schema: z.intersection(reusableBlockInput, z.object({ id: recordId })),
  revalidate,
  mutate(input, { editor, tx }) {
    const block = updateReusableBlock(tx, input.id, input);
    audit(tx, editor, block, 'updated', 'gewijzigd');
    return { status: 'ok', data: slugOf(tx, block.newsletterId) };
  },
});

/** Done: back to the newsletter's list with a notice; a refusal stays where it was asked. */
function thenToList(action: typeof create, notice: string) {
  return redirectAfter(
    action,
    ({ data }) => `/redactie/blokken?nieuwsbrief=${encodeURIComponent(data!)}&${notice}`,
  );
}

export const createBlock = thenToList(create, 'opgeslagen=1');
export const updateBlock = thenToList(update, 'opgeslagen=1');

const archive = editorAction({
  name: 'vast blok archiveren',
  role: 'admin',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const block = archiveReusableBlock(tx, input.id);
    audit(tx, editor, block, 'archived', 'gearchiveerd');
    return { status: 'ok', data: slugOf(tx, block.newsletterId) };
  },
});

const restore = editorAction({
  name: 'vast blok terugzetten',
  role: 'admin',
  schema: z.object({ id: recordId }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const block = restoreReusableBlock(tx, input.id);
    audit(tx, editor, block, 'restored', 'teruggezet');
    return { status: 'ok', data: slugOf(tx, block.newsletterId) };
  },
});

export const archiveBlock = thenToList(archive, 'gearchiveerd=1');
export const restoreBlock = thenToList(restore, 'teruggezet=1');

export const moveBlock = editorAction({
  name: 'vast blok verplaatsen',
  role: 'admin',
  schema: z.object({ id: recordId, direction: z.enum(['omhoog', 'omlaag']) }),
  explainInvalid: true,
  revalidate,
  mutate(input, { editor, tx }) {
    const block = getReusableBlock(tx, input.id);
    if (!block) invalid('Dit blok bestaat niet (meer).');
    moveStartBlock(tx, block.id, input.direction === 'omhoog' ? -1 : 1);
    const place = startOrder(tx, block.newsletterId).indexOf(block.id) + 1;
    audit(tx, editor, block, 'reordered', `staat nu op plaats ${place} in elk nieuw nummer`);
    return { status: 'ok', message: `"${block.name}" staat nu op plaats ${place}.` };
  },
});
