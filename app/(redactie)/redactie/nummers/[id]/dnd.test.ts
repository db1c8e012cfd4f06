import { describe, expect, it } from 'vitest';
import { apply } from '@/lib/issue/operations';
import { sampleDocument } from '@/lib/test/issue-document';
import { dropOperation } from './dnd';

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
