import { textBody } from '@/lib/test/issue-document';
import { describe, expect, it } from 'vitest';
import type { IssueDocument } from './document';
import { diffDocuments } from './diff';
import { insertItem, moveBlock, removeBlock, sectionContainer, updateExtra } from './operations';

const doc: IssueDocument = {
  subject: 'S',
  preheader: 'P',
  lead: { id: 'lead', kind: 'lead', itemId: 1 },
  sections: [
    {
      themeId: 10,
      blocks: [
        { id: 'a', kind: 'item', itemId: 2 },
        { id: 'b', kind: 'item', itemId: 3 },
        { id: 'c', kind: 'item', itemId: 4 },
      ],
    },
    { themeId: 20, blocks: [] },
  ],
  extras: [
    {
      id: 'forum',
      kind: 'text',
      reusableBlockId: null,
      content: { title: 'Forum', body: textBody('Tekst') },
    },
  ],
  footer: { id: 'footer', kind: 'footer' },
};

const kinds = (before: IssueDocument, after: IssueDocument) =>
  diffDocuments(before, after).map((c) => ('block' in c ? `${c.kind}:${c.block.id}` : c.kind));

describe('diffDocuments', () => {
  it('finds nothing between equal documents', () => {
    expect(diffDocuments(doc, structuredClone(doc))).toEqual([]);
  });

  it('names added, removed, edited and header changes', () => {
    let after = insertItem(doc, 9, { container: sectionContainer(20), index: 0 }, 'new');
    after = removeBlock(after, 'b');
    after = updateExtra(after, 'forum', { title: 'Nieuw', body: textBody('Tekst') });
    after = { ...after, subject: 'Ander' };
    expect(kinds(doc, after)).toEqual(['subject', 'added:new', 'removed:b', 'edited:forum']);
  });

  it('names only the block that moved, not its neighbours', () => {
    expect(kinds(doc, moveBlock(doc, 'c', { container: sectionContainer(10), index: 0 }))).toEqual([
      'moved:c',
    ]);
    expect(kinds(doc, moveBlock(doc, 'a', { container: sectionContainer(20), index: 0 }))).toEqual([
      'moved:a',
    ]);
  });
});
