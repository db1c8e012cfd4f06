import { describe, expect, it } from 'vitest';
import { apply } from '@/lib/issue/operations';
import { sampleDocument } from '@/lib/test/issue-document';
import { dropOperation, keepThemeOperation } from './dnd';

describe('dropping a library item on the lead slot', () => {
  it('sends the old lead to the top of its theme’s section instead of out of the issue', () => {
    const doc = sampleDocument();
    const op = dropOperation(
      { type: 'library', itemId: 7 },
      { container: 'lead', index: 0 },
      [],
      20,
    );
    const after = apply(doc, op!);
    expect(after.lead?.itemId).toBe(7);
    expect(after.sections.find((s) => s.themeId === 20)!.blocks[0]).toMatchObject({
      kind: 'item',
      itemId: doc.lead!.itemId,
    });
  });
});

describe('"Nee, thema blijft" after placing an item in another theme’s section', () => {
  it('moves the item to the end of its own theme’s section', () => {
    const doc = sampleDocument();
    // Item 4 (theme 20) was dropped into section 10.
    const placed = apply(doc, {
      type: 'move',
      blockId: 'c',
      to: { container: 'section:10', index: 0 },
    });
    const after = apply(placed, keepThemeOperation(placed, 4, 10, 20)!);
    expect(after.sections.find((s) => s.themeId === 10)!.blocks.map((b) => b.itemId)).toEqual([
      2, 3,
    ]);
    expect(after.sections.find((s) => s.themeId === 20)!.blocks.map((b) => b.itemId)).toEqual([4]);
  });

  it('does nothing when the editor already moved the item on, or its theme has no section', () => {
    const doc = sampleDocument();
    expect(keepThemeOperation(doc, 4, 10, 20)).toBeNull();
    expect(keepThemeOperation(doc, 2, 10, 99)).toBeNull();
  });
});
