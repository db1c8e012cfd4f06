import type { Block, ExtraBlock, IssueDocument, ItemBlock } from './document';

/**
 * Pure operations on an IssueDocument. Each returns a new document (or the same one when
 * nothing changes), so the builder can keep them as undo history and replay them on a
 * newer version when two editors meet.
 */

export type ContainerId = 'lead' | 'extras' | `section:${number}`;
export type Location = { container: ContainerId; index: number };

export const sectionContainer = (themeId: number): ContainerId => `section:${themeId}`;

export function themeOfContainer(container: ContainerId): number | null {
  return container.startsWith('section:') ? Number(container.slice('section:'.length)) : null;
}

/** Where a block is: its container and index, or null when it is not in the document. */
export function locate(doc: IssueDocument, blockId: string): Location | null {
  if (doc.lead?.id === blockId) return { container: 'lead', index: 0 };
  for (const s of doc.sections) {
    const index = s.blocks.findIndex((b) => b.id === blockId);
    if (index >= 0) return { container: sectionContainer(s.themeId), index };
  }
  const index = doc.extras.findIndex((b) => b.id === blockId);
  if (index >= 0) return { container: 'extras', index };
  return null;
}

export function findBlock(doc: IssueDocument, blockId: string): Block | null {
  if (doc.lead?.id === blockId) return doc.lead;
  for (const s of doc.sections) {
    const block = s.blocks.find((b) => b.id === blockId);
    if (block) return block;
  }
  return (
    doc.extras.find((b) => b.id === blockId) ?? (doc.footer?.id === blockId ? doc.footer : null)
  );
}

export function containerLength(doc: IssueDocument, container: ContainerId): number {
  if (container === 'lead') return doc.lead ? 1 : 0;
  if (container === 'extras') return doc.extras.length;
  return doc.sections.find((s) => sectionContainer(s.themeId) === container)?.blocks.length ?? 0;
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length));

function withSection(
  doc: IssueDocument,
  container: ContainerId,
  change: (blocks: ItemBlock[]) => ItemBlock[],
): IssueDocument {
  return {
    ...doc,
    sections: doc.sections.map((s) =>
      sectionContainer(s.themeId) === container ? { ...s, blocks: change(s.blocks) } : s,
    ),
  };
}

function without(doc: IssueDocument, blockId: string): IssueDocument {
  if (doc.lead?.id === blockId) return { ...doc, lead: null };
  const at = locate(doc, blockId);
  if (!at) return doc;
  if (at.container === 'extras')
    return { ...doc, extras: doc.extras.filter((b) => b.id !== blockId) };
  return withSection(doc, at.container, (blocks) => blocks.filter((b) => b.id !== blockId));
}

/** Puts an item (as a block with the given id) at a place in the lead slot or a section. */
function placeItem(
  doc: IssueDocument,
  block: { id: string; itemId: number },
  to: Location,
  displaced?: Location,
): IssueDocument {
  if (to.container === 'lead') {
    // The lead slot holds one item: the one that was there takes the moved item's old place.
    const previous = doc.lead;
    let next: IssueDocument = {
      ...doc,
      lead: { id: block.id, kind: 'lead', itemId: block.itemId },
    };
    if (
      previous &&
      displaced &&
      displaced.container !== 'lead' &&
      displaced.container !== 'extras'
    ) {
      next = placeItem(next, previous, displaced);
    }
    return next;
  }
  if (
    to.container === 'extras' ||
    !doc.sections.some((s) => sectionContainer(s.themeId) === to.container)
  )
    return doc;
  return withSection(doc, to.container, (blocks) => {
    const copy = [...blocks];
    copy.splice(clamp(to.index, copy.length), 0, {
      id: block.id,
      kind: 'item',
      itemId: block.itemId,
    });
    return copy;
  });
}

/**
 * Moves a block. Items go between the lead slot and sections; extra blocks stay among the
 * extras. `to.index` counts in the target container as it is after the block left its place.
 */
export function moveBlock(doc: IssueDocument, blockId: string, to: Location): IssueDocument {
  const from = locate(doc, blockId);
  const block = findBlock(doc, blockId);
  if (!from || !block) return doc;
  if (from.container === to.container && (from.index === to.index || to.container === 'lead'))
    return doc;
  if (block.kind === 'text' || block.kind === 'cta' || block.kind === 'image') {
    if (to.container !== 'extras') return doc;
    const extras = doc.extras.filter((b) => b.id !== blockId);
    extras.splice(clamp(to.index, extras.length), 0, block);
    return { ...doc, extras };
  }
  if (block.kind !== 'lead' && block.kind !== 'item') return doc;
  const targetExists =
    to.container === 'lead' ||
    doc.sections.some((s) => sectionContainer(s.themeId) === to.container);
  if (!targetExists) return doc;
  return placeItem(without(doc, blockId), { id: block.id, itemId: block.itemId }, to, from);
}

/**
 * Places a library item; refused (same document back) when the item is already in the issue.
 * Dropped on an occupied lead slot, the old lead moves to `displacedTo` (the top of its theme's
 * section) instead of leaving the issue unnoticed; without a place it goes back to the library.
 */
export function insertItem(
  doc: IssueDocument,
  itemId: number,
  to: Location,
  newId: string,
  displacedTo?: Location,
): IssueDocument {
  const inIssue =
    doc.lead?.itemId === itemId ||
    doc.sections.some((s) => s.blocks.some((b) => b.itemId === itemId));
  if (inIssue || to.container === 'extras') return doc;
  return placeItem(doc, { id: newId, itemId }, to, displacedTo);
}

export function insertExtra(doc: IssueDocument, block: ExtraBlock, index: number): IssueDocument {
  if (locate(doc, block.id)) return doc;
  const extras = [...doc.extras];
  extras.splice(clamp(index, extras.length), 0, block);
  return { ...doc, extras };
}

export function removeBlock(doc: IssueDocument, blockId: string): IssueDocument {
  if (doc.footer?.id === blockId) return { ...doc, footer: null };
  return without(doc, blockId);
}

/** Copies a text or call-to-action block right below itself (an item can stand in an issue once). */
export function duplicateBlock(doc: IssueDocument, blockId: string, newId: string): IssueDocument {
  const index = doc.extras.findIndex((b) => b.id === blockId);
  if (index < 0) return doc;
  const extras = [...doc.extras];
  extras.splice(index + 1, 0, {
    ...extras[index]!,
    id: newId,
    content: { ...extras[index]!.content },
  } as ExtraBlock);
  return { ...doc, extras };
}

export function updateExtra(
  doc: IssueDocument,
  blockId: string,
  content: ExtraBlock['content'],
): IssueDocument {
  if (!doc.extras.some((b) => b.id === blockId)) return doc;
  return {
    ...doc,
    extras: doc.extras.map((b) =>
      b.id === blockId ? ({ ...b, content: { ...b.content, ...content } } as ExtraBlock) : b,
    ),
  };
}

export function setHeader(
  doc: IssueDocument,
  field: 'subject' | 'preheader',
  value: string,
): IssueDocument {
  return doc[field] === value ? doc : { ...doc, [field]: value };
}

export function setFooter(doc: IssueDocument, footer: IssueDocument['footer']): IssueDocument {
  return { ...doc, footer };
}

/** One editor action as data: kept for undo/redo and replayed onto a newer version to merge. */
export type Operation =
  | { type: 'move'; blockId: string; to: Location }
  | {
      type: 'insertItem';
      itemId: number;
      to: Location;
      newId: string;
      /** On an occupied lead slot: where the old lead goes (the top of its theme's section). */
      displacedTo?: Location;
    }
  | { type: 'insertExtra'; block: ExtraBlock; index: number }
  | { type: 'remove'; blockId: string }
  | { type: 'duplicate'; blockId: string; newId: string }
  | { type: 'updateExtra'; blockId: string; content: ExtraBlock['content'] }
  | { type: 'setHeader'; field: 'subject' | 'preheader'; value: string };

export function apply(doc: IssueDocument, op: Operation): IssueDocument {
  switch (op.type) {
    case 'move':
      return moveBlock(doc, op.blockId, op.to);
    case 'insertItem':
      return insertItem(doc, op.itemId, op.to, op.newId, op.displacedTo);
    case 'insertExtra':
      return insertExtra(doc, op.block, op.index);
    case 'remove':
      return removeBlock(doc, op.blockId);
    case 'duplicate':
      return duplicateBlock(doc, op.blockId, op.newId);
    case 'updateExtra':
      return updateExtra(doc, op.blockId, op.content);
    case 'setHeader':
      return setHeader(doc, op.field, op.value);
  }
}
