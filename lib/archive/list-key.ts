/**
 * The archive list without a search query depends only on theme, year and page, and changes
 * only when an issue is sent or corrected: so it is served from Next's cache under an internal
 * path, `/archief/lijst/t<thema>-j<jaar>-p<pagina>` (0 = all), to which the proxy rewrites
 * `/archief?thema=…&jaar=…&pagina=…`. Searches stay rendered per request. No dependencies here:
 * the proxy imports this.
 */

export const LIST_PREFIX = '/archief/lijst/';

const positive = (value: string | null) =>
  value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : 0;

/** The internal path for a list request, or null when it is a search (or has other parameters). */
export function listPathFor(params: URLSearchParams): string | null {
  for (const key of params.keys()) if (!['thema', 'jaar', 'pagina', 'q'].includes(key)) return null;
  if (params.get('q')?.trim()) return null;
  return `${LIST_PREFIX}t${positive(params.get('thema'))}-j${positive(params.get('jaar'))}-p${positive(params.get('pagina')) || 1}`;
}

/** The filter of an internal list path's last segment, or null when it is not one we make. */
export function listFilterOf(
  key: string,
): { thema?: string; jaar?: string; pagina?: string } | null {
  const match = /^t(0|[1-9]\d{0,8})-j(0|[1-9]\d{0,8})-p([1-9]\d{0,8})$/.exec(key);
  if (!match) return null;
  const [, thema, jaar, pagina] = match;
  return {
    thema: thema === '0' ? undefined : thema,
    jaar: jaar === '0' ? undefined : jaar,
    pagina: pagina === '1' ? undefined : pagina,
  };
}
