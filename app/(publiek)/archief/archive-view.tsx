import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '@/components/filter-select';
import { db } from '@/db';
import { archiveFilters, archiveListParams, listSentIssues } from '@/lib/archive/queries';
import { ARCHIVE_PAGE_SIZE, archiveSearchParams, searchArchive } from '@/lib/archive/search';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';

export const archiveMetadata: Metadata = {
  title: 'Archief van de nieuwsbrief',
  description: 'Alle verzonden nummers, doorzoekbaar en per thema.',
  alternates: { types: { 'application/rss+xml': '/archief/feed.xml' } },
};

const selectClass = 'mt-1 rounded-md border border-gray-500 px-3 py-2';

export type Search = Record<string, string | string[] | undefined>;

const pageHref = (query: Search, page: number) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value && key !== 'pagina') params.set(key, value);
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `/archief?${qs}` : '/archief';
};

function Pager({ query, page, pages }: { query: Search; page: number; pages: number }) {
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

/** The list (cached, `lijst/[filter]`) or search results (per request, `page.tsx`) of the archive. */
export function ArchiveView({ query }: { query: Search }) {
  const filters = archiveFilters(db());
  const list = archiveListParams.parse(query);
  const search = archiveSearchParams.safeParse(query);
  const q = search.success ? search.data.q : '';
  const page = list.pagina ?? 1;
  const found = q
    ? searchArchive(db(), {
        q,
        themeId: list.thema,
        limit: ARCHIVE_PAGE_SIZE,
        offset: (page - 1) * ARCHIVE_PAGE_SIZE,
      })
    : null;
  const issues = found
    ? null
    : listSentIssues(db(), { themeId: list.thema, year: list.jaar, page });
  return (
    <>
      <h1 className="text-3xl font-bold">Archief</h1>
      <p className="mt-2 text-muted">
        Alle verzonden nummers. Ook als RSS-feed:{' '}
        <a href={`${getConfig().publicUrl}/archief/feed.xml`}>archief/feed.xml</a>.
      </p>
      <search>
        <form
          action="/archief"
          method="get"
          className="mt-6 grid gap-3 rounded-md border border-line bg-white p-4 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        >
          <div>
            <label htmlFor="q" className="block text-sm font-semibold">
              Zoeken
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={200}
              className="mt-1 w-full rounded-md border border-gray-500 px-3 py-2"
            />
          </div>
          <FilterSelect
            name="thema"
            label="Thema"
            value={list.thema}
            all="Alle thema's"
            options={filters.themes.map((t) => ({ value: t.id, label: t.name }))}
            className={selectClass}
          />
          <FilterSelect
            name="jaar"
            label="Jaar"
            value={list.jaar}
            all="Alle jaren"
            options={filters.years.map((y) => ({ value: y, label: String(y) }))}
            className={selectClass}
          />
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            Zoeken
          </button>
        </form>
      </search>
      {!search.success ? (
        <p role="alert" className="mt-4 text-danger">
          {search.error.issues[0]?.message}
        </p>
      ) : null}

      {found ? (
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
                  {r.newsletterName} {r.issueNumber}, {formatDate(r.sentAt)} · {r.themeName}
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
      ) : issues ? (
        <section aria-labelledby="nummers" className="mt-8">
          <h2 id="nummers" className="text-xl font-bold">
            {issues.total === 0
              ? 'Geen nummers gevonden'
              : `${issues.total} ${issues.total === 1 ? 'nummer' : 'nummers'}`}
          </h2>
          <ol className="mt-4 space-y-5">
            {issues.issues.map((i) => (
              <li key={i.id} className="border-b border-line pb-4">
                <Link
                  href={`/archief/${i.newsletterSlug}/${i.slug}`}
                  className="text-lg font-semibold text-brand-700 underline"
                >
                  {i.newsletterName} {i.number}: {i.subject}
                </Link>
                <p className="text-sm text-muted">
                  <time dateTime={i.sentAt.toISOString()}>{formatDate(i.sentAt)}</time>
                  {i.themes.length ? ` · ${i.themes.join(', ')}` : ''}
                </p>
                {i.preheader ? <p className="mt-1">{i.preheader}</p> : null}
              </li>
            ))}
          </ol>
          <Pager query={query} page={issues.page} pages={issues.pages} />
        </section>
      ) : null}
    </>
  );
}
