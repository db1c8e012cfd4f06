import { ARCHIVE_PAGE_SIZE, type searchArchive } from '@/lib/archive/search';
import { formatDate } from '@/lib/format';
import { Pager } from './archive-pager';
import type { Search } from './archive-view';

export function ArchiveSearchResults({
  q,
  found,
  query,
  page,
}: {
  q: string;
  found: ReturnType<typeof searchArchive>;
  query: Search;
  page: number;
}) {
  return (
    <section aria-labelledby="resultaten" className="mt-8">
      <h2 id="resultaten" className="text-xl font-bold">
        {found.total === 0
          ? `Niets gevonden voor “${q}”`
          : `${found.total} ${found.total === 1 ? 'resultaat' : 'resultaten'} voor “${q}”`}
      </h2>
      <ol className="mt-4 space-y-5">
        {found.results.map((r) => (
          <li key={`${r.issueId}-${r.itemId}`}>
            <a
              href={`/archief/${r.newsletterSlug}/${r.issueSlug}#${r.anchor}`}
              className="text-lg font-semibold text-brand-700 underline"
              dangerouslySetInnerHTML={{ __html: r.titleHtml }}
            />
            <p className="text-sm text-muted">
              {r.issueTitle}, {formatDate(r.sentAt)} · {r.themeName}
            </p>
            {/* Escaped by searchArchive before the matches were marked. */}
            <p className="mt-1" dangerouslySetInnerHTML={{ __html: r.snippet }} />
          </li>
        ))}
      </ol>
      <Pager
        query={query}
        page={page}
        pages={Math.max(1, Math.ceil(found.total / ARCHIVE_PAGE_SIZE))}
      />
    </section>
  );
}
