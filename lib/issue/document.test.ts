import { describe, expect, it } from 'vitest';
import { sampleDocument as doc } from '@/lib/test/issue-document';
import { filterByThemes } from './document';

describe('filterByThemes', () => {
  it('keeps only followed, non-empty sections', () => {
    const d = filterByThemes(doc(), new Set([20, 30]));
    expect(d.sections.map((s) => s.themeId)).toEqual([20]);
    expect(d.lead).not.toBeNull();
    expect(d.extras).toHaveLength(2);
  });
});
