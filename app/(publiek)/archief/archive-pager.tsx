import Link from 'next/link';
import type { Search } from './archive-view';

const pageHref = (query: Search, page: number, base: string) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value && key !== 'pagina') params.set(key, value);
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
};

export function Pager({
  query,
  page,
  pages,
  base = '/archief',
}: {
  query: Search;
  page: number;
  pages: number;
  /** The list's own path: the whole archive, or one newsletter's. */
  base?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Paginering" className="mt-6 flex gap-4">
      {page > 1 ? <Link href={pageHref(query, page - 1, base)}>Vorige pagina</Link> : null}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages ? <Link href={pageHref(query, page + 1, base)}>Volgende pagina</Link> : null}
    </nav>
  );
}
