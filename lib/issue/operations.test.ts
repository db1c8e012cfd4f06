import { describe, expect, it } from 'vitest';
import { sampleDocument as doc, textBody } from '@/lib/test/issue-document';
import { extraLabel, issueDocument, type IssueDocument } from './document';
import {
  apply,
  duplicateBlock,
  insertExtra,
  insertItem,
  locate,
  moveBlock,
  removeBlock,
  sectionContainer,
  updateExtra,
} from './operations';

const ids = (d: IssueDocument, themeId: number) =>
  d.sections.find((s) => s.themeId === themeId)!.blocks.map((b) => b.id);

describe('moveBlock', () => {
  it('reorders within a section', () => {
    expect(ids(moveBlock(doc(), 'a', { container: sectionContainer(10), index: 1 }), 10)).toEqual([
      'b',
      'a',
    ]);
  });

  it('returns the same document when moved to the same place', () => {
    const d = doc();
    expect(moveBlock(d, 'b', { container: sectionContainer(10), index: 1 })).toBe(d);
    expect(moveBlock(d, 'lead', { container: 'lead', index: 0 })).toBe(d);
  });

  it('moves the last item out of a section, leaving it empty', () => {
    const d = moveBlock(doc(), 'c', { container: sectionContainer(10), index: 0 });
    expect(ids(d, 20)).toEqual([]);
    expect(ids(d, 10)).toEqual(['c', 'a', 'b']);
  });

  it('moves into an empty section', () => {
    const d = moveBlock(doc(), 'b', { container: sectionContainer(30), index: 5 });
    expect(ids(d, 30)).toEqual(['b']);
    expect(ids(d, 10)).toEqual(['a']);
  });

  it('moves an item into the lead slot and the old lead into its place', () => {
    const d = moveBlock(doc(), 'c', { container: 'lead', index: 0 });
    expect(d.lead).toEqual({ id: 'c', kind: 'lead', itemId: 4 });
    expect(d.sections[1]!.blocks).toEqual([{ id: 'lead', kind: 'item', itemId: 1 }]);
  });

  it('moves the lead into a section, leaving the slot empty', () => {
    const d = moveBlock(doc(), 'lead', { container: sectionContainer(20), index: 1 });
    expect(d.lead).toBeNull();
    expect(d.sections[1]!.blocks.map((b) => [b.id, b.kind])).toEqual([
      ['c', 'item'],
      ['lead', 'item'],
    ]);
  });

  it('keeps extra blocks among the extras and items out of them', () => {
    expect(
      moveBlock(doc(), 'forum', { container: 'extras', index: 1 }).extras.map((b) => b.id),
    ).toEqual(['moties', 'forum']);
    const d = doc();
    expect(moveBlock(d, 'forum', { container: sectionContainer(10), index: 0 })).toBe(d);
    expect(moveBlock(d, 'a', { container: 'extras', index: 0 })).toBe(d);
  });

  it('moves an image block among the extras, and only there', () => {
    const picture = {
      id: 'foto',
      kind: 'image' as const,
      reusableBlockId: null,
      content: { mediaId: 3, caption: '', link: null },
    };
    const d = insertExtra(doc(), picture, 2);
    expect(moveBlock(d, 'foto', { container: 'extras', index: 0 }).extras.map((b) => b.id)).toEqual(
      ['foto', 'forum', 'moties'],
    );
    expect(moveBlock(d, 'foto', { container: sectionContainer(10), index: 0 })).toBe(d);
  });

  it('ignores an unknown block or section', () => {
    const d = doc();
    expect(moveBlock(d, 'zzz', { container: sectionContainer(10), index: 0 })).toBe(d);
    expect(ids(moveBlock(d, 'a', { container: sectionContainer(99), index: 0 }), 10)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('insert, remove, duplicate, update', () => {
  it('places a library item once, and refuses it twice', () => {
    const d = insertItem(doc(), 7, { container: sectionContainer(30), index: 0 }, 'n1');
    expect(ids(d, 30)).toEqual(['n1']);
    expect(insertItem(d, 7, { container: sectionContainer(10), index: 0 }, 'n2')).toBe(d);
    expect(issueDocument.safeParse(d).success).toBe(true);
  });

  it('puts a new lead in the slot and the old lead at the top of its section, not out of the issue', () => {
    const d = insertItem(doc(), 7, { container: 'lead', index: 0 }, 'n1', {
      container: sectionContainer(20),
      index: 0,
    });
    expect(d.lead).toEqual({ id: 'n1', kind: 'lead', itemId: 7 });
    expect(d.sections[1]!.blocks[0]).toEqual({ id: 'lead', kind: 'item', itemId: 1 });
  });

  it('removes any block, and duplicates only text and call-to-action blocks', () => {
    expect(locate(removeBlock(doc(), 'a'), 'a')).toBeNull();
    expect(removeBlock(doc(), 'footer').footer).toBeNull();
    const d = duplicateBlock(doc(), 'forum', 'forum2');
    expect(d.extras.map((b) => b.id)).toEqual(['forum', 'forum2', 'moties']);
    expect(duplicateBlock(doc(), 'a', 'x')).toEqual(doc());
  });

  it('edits a block in place and inserts reusable blocks', () => {
    const d = updateExtra(doc(), 'forum', { title: 'Nieuw', body: textBody('Tekst') });
    expect(extraLabel(d.extras[0]!)).toBe('Nieuw');
    const withBlock = insertExtra(
      doc(),
      {
        id: 'x',
        kind: 'text',
        reusableBlockId: null,
        content: { title: 'T', body: textBody('B') },
      },
      0,
    );
    expect(withBlock.extras[0]!.id).toBe('x');
  });

  it('replays operations as data', () => {
    const ops = [
      { type: 'move', blockId: 'a', to: { container: sectionContainer(30), index: 0 } },
      { type: 'remove', blockId: 'forum' },
      { type: 'setHeader', field: 'subject', value: 'Nieuw onderwerp' },
    ] as const;
    const d = ops.reduce(apply, doc());
    expect(ids(d, 30)).toEqual(['a']);
    expect(d.extras.map((b) => b.id)).toEqual(['moties']);
    expect(d.subject).toBe('Nieuw onderwerp');
  });
});

describe('issueDocument schema', () => {
  it('accepts a well-formed document', () => {
    expect(issueDocument.safeParse(doc()).success).toBe(true);
  });

  it.each([
    [
      'an unknown block type',
      (d: IssueDocument) => ({
        ...d,
        extras: [{ id: 'x', kind: 'video', reusableBlockId: null, content: {} }],
      }),
      'Onbekend bloktype.',
    ],
    [
      'HTML in a title',
      (d: IssueDocument) =>
        updateExtra(d, 'forum', { title: '<script>alert(1)</script>', body: textBody('') }),
      'De titel mag geen HTML bevatten.',
    ],
    [
      'a javascript: link',
      (d: IssueDocument) => ({
        ...d,
        extras: [
          {
            ...d.extras[1]!,
            content: { ...d.extras[1]!.content, buttonUrl: 'javascript:alert(1)' },
          },
        ],
      }),
      'Vul een volledig webadres in dat begint met https://',
    ],
    [
      'the same item twice',
      (d: IssueDocument) => ({
        ...d,
        sections: [{ themeId: 10, blocks: [{ id: 'a', kind: 'item', itemId: 1 }] }],
      }),
      'Een item staat twee keer in het nummer.',
    ],
    [
      'two blocks with one id',
      (d: IssueDocument) => ({ ...d, footer: { id: 'lead', kind: 'footer' } }),
      'Twee blokken hebben dezelfde id.',
    ],
    [
      '10,000 blocks',
      (d: IssueDocument) => ({
        ...d,
        sections: [
          {
            themeId: 10,
            blocks: Array.from({ length: 10_000 }, (_, i) => ({
              id: `b${i}`,
              kind: 'item',
              itemId: 100 + i,
            })),
          },
        ],
      }),
      'Een nummer mag hoogstens 200 blokken hebben.',
    ],
  ])('refuses %s with a Dutch message', (_name, change, message) => {
    const result = issueDocument.safeParse(change(doc()));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(message);
  });
});
