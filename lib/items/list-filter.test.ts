import { describe, expect, it } from 'vitest';
import { parseItemFilter } from './list-filter';

const themes = [{ id: 3 }, { id: 7 }];

describe('parseItemFilter', () => {
  it('reads every filter', () => {
    expect(
      parseItemFilter(
        { q: 'raad', soort: 'event', thema: '7', geplaatst: 'nee', status: 'gearchiveerd' },
        themes,
      ),
    ).toEqual({ q: 'raad', themeId: 7, kind: 'event', unplaced: true, archived: true });
  });

  it('drops what does not exist and what is not one value', () => {
    expect(
      parseItemFilter({ q: ['a', 'b'], soort: 'blog', thema: '4', geplaatst: 'ja' }, themes),
    ).toEqual({ q: '', themeId: undefined, kind: undefined, unplaced: false, archived: false });
  });

  it('cuts a long search term', () => {
    expect(parseItemFilter({ q: 'x'.repeat(300) }, themes).q).toHaveLength(200);
  });
});
