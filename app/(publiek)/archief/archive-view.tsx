import type { Metadata } from 'next';
import { db } from '@/db';
import { archiveNewsletters } from '@/lib/archive/newsletters';
import { archiveFilters, archiveListParams, listSentIssues } from '@/lib/archive/queries';
import { ARCHIVE_PAGE_SIZE, archiveSearchParams, searchArchive } from '@/lib/archive/search';
import { getConfig } from '@/lib/config';
import { ArchiveIssueList } from './archive-issue-list';
import { ArchiveNewsletters } from './archive-newsletters';
import { ArchiveSearchForm } from './archive-search-form';
import { ArchiveSearchResults } from './archive-search-results';

export const archiveMetadata: Metadata = {
  title: 'Archief van de nieuwsbrief',
  description: 'Alle verzonden nummers, doorzoekbaar en per thema.',
  alternates: { types: { 'application/rss+xml': '/archief/feed.xml' } },
};

export type Search = Record<string, string | string[] | undefined>;

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
      {q ? null : <ArchiveNewsletters newsletters={archiveNewsletters(db())} />}
      <ArchiveSearchForm q={q} theme={list.thema} year={list.jaar} filters={filters} />
      {!search.success ? (
        <p role="alert" className="mt-4 text-danger">
          {search.error.issues[0]?.message}
        </p>
      ) : null}

      {found ? (
        <ArchiveSearchResults q={q} found={found} query={query} page={page} />
      ) : issues ? (
        <ArchiveIssueList issues={issues} query={query} />
      ) : null}
    </>
  );
}
