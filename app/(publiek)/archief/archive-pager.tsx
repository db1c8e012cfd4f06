import Link from 'next/link';
import type { Search } from './archive-view';

const pageHref = (query: Search, page: number) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value && key !== 'pagina') params.set(key, value);
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `/archief?${qs}` : '/archief';
};

export function Pager({ query, page, pages }: { query: Search; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Paginering" className="mt-6 flex gap-4">
      {page > 1 ? <Link href={pageHref(query, page - 1)}>Vorige pagina</Link> : null}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages ? <Link href={pageHref(query, page + 1)}>Volgende pagina</Link> : null}
    </nav>
  );
}
