import { itemKinds, type ItemKind } from '@/lib/enums';

type Params = Record<string, string | string[] | undefined>;

/**
 * The item list's filter from its query string. A kind or theme that does not exist (a stale
 * bookmark, another newsletter's theme) is dropped rather than refused, so the list still shows.
 */
export function parseItemFilter(params: Params, themes: { id: number }[]) {
  const text = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : '');
  const kind = itemKinds.includes(text('soort') as ItemKind)
    ? (text('soort') as ItemKind)
    : undefined;
  const themeId = themes.find((t) => String(t.id) === text('thema'))?.id;
  return {
    q: text('q').slice(0, 200),
    themeId,
    kind,
    unplaced: text('geplaatst') === 'nee',
    archived: text('status') === 'gearchiveerd',
  };
}

export type ItemListFilter = ReturnType<typeof parseItemFilter>;
