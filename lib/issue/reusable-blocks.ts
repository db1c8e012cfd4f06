import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { newsletters, reusableBlocks, type ReusableBlock } from '@/db/schema';
import { checkbox, z } from '@/lib/validation';
import { ctaContent, textContent } from './document';
import { Refusal } from '@/lib/refusal';

// Reusable blocks of a newsletter: a text or a call to action that editors drop into issues.
// The content shapes are the builder's own (lib/issue/document.ts), so a copy placed in an
// issue is valid there without translation. The admin screen and the demo data both write
// through the functions below; there is no second way to make one.

const name = z
  .string({ error: 'Vul een naam in.' })
  .trim()
  .min(1, 'Vul een naam in.')
  .max(120, 'Een naam mag hoogstens 120 tekens hebben.');

export const reusableBlockInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('text'), name, inNewIssues: checkbox }).extend(textContent.shape),
    z
      .object({ kind: z.literal('cta'), name, inNewIssues: checkbox })
      .extend(ctaContent.shape)
      // A block is kept and reused for years: its button points to a secure address.
      .refine((b) => b.buttonUrl.startsWith('https://'), {
        path: ['buttonUrl'],
        message: 'Gebruik een beveiligd webadres dat begint met https://',
      }),
  ],
  { error: 'Kies een soort blok.' },
);
export type ReusableBlockInput = z.output<typeof reusableBlockInput>;

/** Only the builder's fields: a form's extra fields never reach the stored content. */
function contentOf(input: ReusableBlockInput): Record<string, unknown> {
  if (input.kind === 'text') return { title: input.title, body: input.body };
  const { title, body, buttonLabel, buttonUrl } = input;
  return { title, body, buttonLabel, buttonUrl };
}

export class BlockRefusal extends Refusal {}

function blocksOf(tx: Tx, newsletterId: number): ReusableBlock[] {
  return tx
    .select()
    .from(reusableBlocks)
    .where(eq(reusableBlocks.newsletterId, newsletterId))
    .orderBy(asc(reusableBlocks.position), asc(reusableBlocks.id))
    .all();
}

/**
 * Rewrites the positions: the start blocks first in the given order (marked), then every other
 * block in its current order (unmarked). Positions stay dense, so a move is a swap of two places.
 */
export function setStartOrder(tx: Tx, newsletterId: number, startIds: readonly number[]): void {
  const all = blocksOf(tx, newsletterId);
  const byId = new Map(all.map((b) => [b.id, b]));
  if (new Set(startIds).size !== startIds.length)
    throw new BlockRefusal('Een blok staat twee keer in de volgorde.');
  for (const id of startIds) {
    const block = byId.get(id);
    if (!block) throw new BlockRefusal('Een blok hoort niet bij deze nieuwsbrief.');
    if (block.archivedAt) throw new BlockRefusal(`"${block.name}" is gearchiveerd.`);
  }
  const start = new Set(startIds);
  const order = [...startIds.map((id) => byId.get(id)!), ...all.filter((b) => !start.has(b.id))];
  order.forEach((block, index) => {
    const inNewIssues = start.has(block.id);
    if (block.position === index + 1 && block.inNewIssues === inNewIssues) return;
    tx.update(reusableBlocks)
      .set({ position: index + 1, inNewIssues })
      .where(eq(reusableBlocks.id, block.id))
      .run();
  });
}

/** The ids of the blocks a new issue starts with, in their order. */
export function startOrder(tx: Tx, newsletterId: number): number[] {
  return startBlocks(tx, newsletterId).map((b) => b.id);
}

/** What a new issue starts with: the marked, live blocks in their order. */
export function startBlocks(tx: Tx, newsletterId: number): ReusableBlock[] {
  return blocksOf(tx, newsletterId).filter(
    (b) => b.inNewIssues && !b.archivedAt && b.kind !== 'footer',
  );
}

/** A marked block joins the end of the start order; an unmarked one leaves it. */
function applyStartFlag(tx: Tx, block: ReusableBlock, marked: boolean): void {
  const order = startOrder(tx, block.newsletterId).filter((id) => id !== block.id);
  setStartOrder(tx, block.newsletterId, marked ? [...order, block.id] : order);
}

export function createReusableBlock(
  tx: Tx,
  newsletterId: number,
  input: ReusableBlockInput,
): ReusableBlock {
  const newsletter = tx.select().from(newsletters).where(eq(newsletters.id, newsletterId)).get();
  if (!newsletter) throw new BlockRefusal('Deze nieuwsbrief bestaat niet.');
  const last = blocksOf(tx, newsletterId).at(-1)?.position ?? 0;
  const block = tx
    .insert(reusableBlocks)
    .values({
      newsletterId,
      kind: input.kind,
      name: input.name,
      content: contentOf(input),
      position: last + 1,
    })
    .returning()
    .get();
  if (input.inNewIssues) applyStartFlag(tx, block, true);
  return getReusableBlock(tx, block.id)!;
}

export function getReusableBlock(tx: Tx, id: number): ReusableBlock | undefined {
  return tx.select().from(reusableBlocks).where(eq(reusableBlocks.id, id)).get();
}

function existing(tx: Tx, id: number): ReusableBlock {
  const block = getReusableBlock(tx, id);
  if (!block) throw new BlockRefusal('Dit blok bestaat niet (meer).');
  return block;
}

/** Changes the block itself; copies already placed in issues keep what they were given. */
export function updateReusableBlock(tx: Tx, id: number, input: ReusableBlockInput): ReusableBlock {
  const block = existing(tx, id);
  if (block.kind !== input.kind)
    throw new BlockRefusal('De soort van een blok kan niet worden gewijzigd.');
  if (block.archivedAt) throw new BlockRefusal('Zet het blok eerst terug om het te wijzigen.');
  tx.update(reusableBlocks)
    .set({ name: input.name, content: contentOf(input) })
    .where(eq(reusableBlocks.id, id))
    .run();
  if (block.inNewIssues !== input.inNewIssues) applyStartFlag(tx, block, input.inNewIssues);
  return existing(tx, id);
}

/** Archived: no longer offered or started with; issues that hold a copy keep it. */
export function archiveReusableBlock(tx: Tx, id: number, now = new Date()): ReusableBlock {
  const block = existing(tx, id);
  // Refused rather than done again, so a second click logs nothing (as for newsletters).
  if (block.archivedAt) throw new BlockRefusal(`Blok “${block.name}” is al gearchiveerd.`);
  if (block.inNewIssues) applyStartFlag(tx, block, false);
  tx.update(reusableBlocks).set({ archivedAt: now }).where(eq(reusableBlocks.id, id)).run();
  return existing(tx, id);
}

/** Back in the library, not (yet) in new issues: the admin marks it again if it should be. */
export function restoreReusableBlock(tx: Tx, id: number): ReusableBlock {
  const block = existing(tx, id);
  if (!block.archivedAt) throw new BlockRefusal(`Blok “${block.name}” is niet gearchiveerd.`);
  tx.update(reusableBlocks).set({ archivedAt: null }).where(eq(reusableBlocks.id, id)).run();
  return existing(tx, id);
}

/** Moves a start block one place earlier (-1) or later (+1) in the start order. */
export function moveStartBlock(tx: Tx, id: number, step: -1 | 1): void {
  const block = existing(tx, id);
  const order = startOrder(tx, block.newsletterId);
  const from = order.indexOf(id);
  if (from === -1) throw new BlockRefusal('Dit blok staat niet in elk nieuw nummer.');
  const to = from + step;
  if (to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to]!, order[from]!];
  setStartOrder(tx, block.newsletterId, order);
}

/** The admin list: live blocks (start blocks first, in order) or the archived ones. */
export function listReusableBlocks(
  database: Tx,
  newsletterId: number,
  archived: boolean,
): ReusableBlock[] {
  return database
    .select()
    .from(reusableBlocks)
    .where(
      and(
        eq(reusableBlocks.newsletterId, newsletterId),
        archived ? isNotNull(reusableBlocks.archivedAt) : isNull(reusableBlocks.archivedAt),
      ),
    )
    .orderBy(asc(reusableBlocks.position), asc(reusableBlocks.id))
    .all();
}
