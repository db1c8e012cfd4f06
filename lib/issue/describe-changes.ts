import type { Change } from './diff';
import type { Block } from './document';

/** A block in words: the item's title, the text block's title, an image's caption, or "de voettekst". */
export function blockLabel(block: Block, itemTitle: (id: number) => string | undefined): string {
  if (block.kind === 'lead' || block.kind === 'item') return itemTitle(block.itemId) ?? 'een item';
  if (block.kind === 'text' || block.kind === 'cta') return block.content.title;
  if (block.kind === 'image') return block.content.caption || 'een afbeelding';
  return 'de voettekst';
}

/** Changes in words, for the conflict screen and the reviewer. */
export function describeChanges(changes: Change[], label: (block: Block) => string): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'subject':
        return `Onderwerp gewijzigd in “${change.to}”`;
      case 'preheader':
        return `Preheader gewijzigd in “${change.to}”`;
      case 'added':
        return `Toegevoegd: ${label(change.block)}`;
      case 'removed':
        return `Verwijderd: ${label(change.block)}`;
      case 'moved':
        return `Verplaatst: ${label(change.block)}`;
      case 'edited':
        return `Bewerkt: ${label(change.block)}`;
    }
  });
}
