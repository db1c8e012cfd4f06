/**
 * The archive list without a search query depends only on theme, year and page, and changes
 * only when an issue is sent or corrected: so it is served from Next's cache under an internal
 * path, `/archief/lijst/t<thema>-j<jaar>-p<pagina>` (0 = all), to which the proxy rewrites
 * `/archief?thema=…&jaar=…&pagina=…`. Searches stay rendered per request. No dependencies here:
 * the proxy imports this.
 */

export const LIST_PREFIX = '/archief/lijst/';

/**
 * The years the archive filters on. Another year is malformed and ignored, like any other
 * malformed filter: the year after 9999 has no date to count from, and a cached page per year
 * typed into the address bar would only fill the cache.
 */
export const ARCHIVE_YEARS = { min: 1900, max: 2100 } as const;

/** Pages past this are rendered per request: a cached page each would fill the cache too. */
export const CACHED_PAGES = 1000;

const positive = (value: string | null) =>
  value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : 0;

const saneYear = (value: string | null) => {
  const year = positive(value);
  return year >= ARCHIVE_YEARS.min && year <= ARCHIVE_YEARS.max ? year : 0;
};

/** The internal path for a list request, or null when it is a search (or has other parameters). */
export function listPathFor(params: URLSearchParams): string | null {
  for (const key of params.keys()) if (!['thema', 'jaar', 'pagina', 'q'].includes(key)) return null;
  if (params.get('q')?.trim()) return null;
  const page = positive(params.get('pagina')) || 1;
  if (page > CACHED_PAGES) return null;
  return `${LIST_PREFIX}t${positive(params.get('thema'))}-j${saneYear(params.get('jaar'))}-p${page}`;
}

/** The filter of an internal list path's last segment, or null when it is not one we make. */
export function listFilterOf(
  key: string,
): { thema?: string; jaar?: string; pagina?: string } | null {
  const match = /^t(0|[1-9]\d{0,8})-j(0|[1-9]\d{3})-p([1-9]\d{0,3})$/.exec(key);
  if (!match) return null;
  const [, thema, jaar, pagina] = match;
  if (jaar !== '0' && saneYear(jaar!) === 0) return null;
  if (Number(pagina) > CACHED_PAGES) return null;
  return {
    thema: thema === '0' ? undefined : thema,
    jaar: jaar === '0' ? undefined : jaar,
    pagina: pagina === '1' ? undefined : pagina,
  };
}
