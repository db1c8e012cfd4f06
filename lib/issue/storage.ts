import { and, eq, inArray } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Tx } from '@/db';
import { issueBlocks, type IssueBlock } from '@/db/schema';
import { ctaContent, imageContent, textContent, type Block, type IssueDocument } from './document';
import { longestIncreasing } from './sequence';

type Row = Pick<
  IssueBlock,
  'id' | 'kind' | 'position' | 'themeId' | 'itemId' | 'reusableBlockId' | 'content'
>;

/** Builds the document from stored rows (in position order) and the newsletter's themes (in editorial order). */
export function documentFromRows(
  issue: { subject: string; preheader: string },
  themeIds: number[],
  rows: Row[],
): IssueDocument {
  const sections = themeIds.map((themeId) => ({
    themeId,
    blocks: [] as IssueDocument['sections'][number]['blocks'],
  }));
  const doc: IssueDocument = {
    subject: issue.subject,
    preheader: issue.preheader,
    lead: null,
    sections,
    extras: [],
    footer: null,
  };
  for (const row of rows) {
    if (row.kind === 'lead' && row.itemId)
      doc.lead = { id: row.id, kind: 'lead', itemId: row.itemId };
    else if (row.kind === 'item' && row.itemId)
      sections
        .find((s) => s.themeId === row.themeId)
        ?.blocks.push({ id: row.id, kind: 'item', itemId: row.itemId });
    else if (row.kind === 'text')
      doc.extras.push({
        id: row.id,
        kind: 'text',
        reusableBlockId: row.reusableBlockId,
        content: textContent.parse(row.content),
      });
    else if (row.kind === 'cta')
      doc.extras.push({
        id: row.id,
        kind: 'cta',
        reusableBlockId: row.reusableBlockId,
        content: ctaContent.parse(row.content),
      });
    else if (row.kind === 'image')
      doc.extras.push({
        id: row.id,
        kind: 'image',
        reusableBlockId: null,
        content: imageContent.parse(row.content),
      });
    else if (row.kind === 'footer') doc.footer = { id: row.id, kind: 'footer' };
  }
  return doc;
}

type Wanted = Omit<Row, 'position'>;

function rowOf(block: Block, themeId: number | null): Wanted {
  switch (block.kind) {
    case 'lead':
      return {
        id: block.id,
        kind: 'lead',
        themeId: null,
        itemId: block.itemId,
        reusableBlockId: null,
        content: null,
      };
    case 'item':
      return {
        id: block.id,
        kind: 'item',
        themeId,
        itemId: block.itemId,
        reusableBlockId: null,
        content: null,
      };
    case 'text':
    case 'cta':
    case 'image':
      return {
        id: block.id,
        kind: block.kind,
        themeId: null,
        itemId: null,
        reusableBlockId: block.reusableBlockId,
        content: block.content,
      };
    case 'footer':
      return {
        id: block.id,
        kind: 'footer',
        themeId: null,
        itemId: null,
        reusableBlockId: null,
        content: null,
      };
  }
}

const sameRow = (a: Wanted, b: Wanted) =>
  a.kind === b.kind &&
  a.themeId === b.themeId &&
  a.itemId === b.itemId &&
  a.reusableBlockId === b.reusableBlockId &&
  JSON.stringify(a.content) === JSON.stringify(b.content);

/**
 * Writes the document's blocks with as few row changes as it takes: blocks that kept their
 * relative order keep their fractional position, so one move rewrites one row.
 * Returns the number of rows written, for tests and benchmarks.
 */
export function saveBlocks(tx: Tx, issueId: number, doc: IssueDocument): number {
  const existing = new Map(
    tx
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, issueId))
      .all()
      .map((row) => [row.id, row]),
  );
  const wanted: Wanted[] = [
    ...(doc.lead ? [rowOf(doc.lead, null)] : []),
    ...doc.sections.flatMap((s) => s.blocks.map((b) => rowOf(b, s.themeId))),
    ...doc.extras.map((b) => rowOf(b, null)),
    ...(doc.footer ? [rowOf(doc.footer, null)] : []),
  ];
  const oldKeys = wanted.map((w) => existing.get(w.id)?.position ?? null);
  const keep = longestIncreasing(oldKeys);

  // Give every block that is new or out of order a key between its kept neighbours.
  const positions: string[] = new Array(wanted.length);
  let i = 0;
  while (i < wanted.length) {
    if (keep.has(i)) {
      positions[i] = oldKeys[i]!;
      i += 1;
      continue;
    }
    let j = i;
    while (j < wanted.length && !keep.has(j)) j += 1;
    const keys = generateNKeysBetween(
      i > 0 ? positions[i - 1]! : null,
      j < wanted.length ? oldKeys[j]! : null,
      j - i,
    );
    keys.forEach((key, k) => (positions[i + k] = key));
    i = j;
  }

  const wantedIds = new Set(wanted.map((w) => w.id));
  const moved = wanted
    .filter((_, k) => !keep.has(k) && existing.has(wanted[k]!.id))
    .map((w) => w.id);
  // Rows that leave, and rows that move (deleted and written again, so no new key ever meets an old one).
  const gone = [...existing.keys()].filter((id) => !wantedIds.has(id)).concat(moved);
  if (gone.length)
    tx.delete(issueBlocks)
      .where(and(eq(issueBlocks.issueId, issueId), inArray(issueBlocks.id, gone)))
      .run();

  let written = gone.length;
  const inserts = wanted.flatMap((w, k) =>
    keep.has(k) ? [] : [{ ...w, issueId, position: positions[k]! }],
  );
  if (inserts.length) tx.insert(issueBlocks).values(inserts).run();
  written += inserts.length;
  wanted.forEach((w, k) => {
    const before = existing.get(w.id);
    if (!keep.has(k) || !before || sameRow(before, w)) return;
    tx.update(issueBlocks)
      .set({
        kind: w.kind,
        themeId: w.themeId,
        itemId: w.itemId,
        reusableBlockId: w.reusableBlockId,
        content: w.content,
      })
      .where(eq(issueBlocks.id, w.id))
      .run();
    written += 1;
  });
  return written;
}
