import type { Metadata } from 'next';
import { buttonClass, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { filterToParams, parseCursor, parseSubscriberFilter } from '@/lib/subscribers/admin-filter';
import { newslettersWithThemes } from '@/lib/newsletters/queries';
import { subscriberPage } from '@/lib/subscribers/queries';
import { SubscriberFilters } from './subscriber-filters';
import { Pagination, SubscriberTable } from './subscriber-table';
import { formatCount } from '@/lib/format';

export const metadata: Metadata = { title: 'Abonnees' };

type Params = Record<string, string | string[] | undefined>;

function ImportedNotice({ params }: { params: Params }) {
  if (params.import !== 'klaar') return null;
  const n = (key: string) =>
    typeof params[key] === 'string' && /^\d{1,7}$/.test(params[key] as string)
      ? Number(params[key])
      : 0;
  return (
    <PageNotice>
      Import voltooid: {formatCount(n('nieuw'))} nieuw, {formatCount(n('bijgewerkt'))} bijgewerkt,{' '}
      {formatCount(n('overgeslagen'))} overgeslagen. Er is geen e-mail verstuurd.
    </PageNotice>
  );
}

/**
 * Import, export and the suppression list, for a hoofdredacteur; the export takes the list's
 * current filter.
 */
function ListActions({ query }: { query: URLSearchParams }) {
  return (
    <>
      <ButtonLink href="/redactie/abonnees/importeren">Importeren</ButtonLink>
      <ButtonLink href="/redactie/abonnees/onderdrukt" variant="secondary">
        Onderdrukkingslijst
      </ButtonLink>
      {/* A plain link: the export is a file download, not a page. */}
      <a
        href={`/redactie/abonnees/exporteren?${query}`}
        className={buttonClass('secondary')}
        download
      >
        Exporteren (CSV)
      </a>
    </>
  );
}

export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const editor = await requireEditor('redacteur', '/redactie/abonnees');
  const params = await searchParams;
  const filter = parseSubscriberFilter(params);
  const page = subscriberPage(filter, parseCursor(params));
  const newsletters = newslettersWithThemes();
  const query = filterToParams(filter);
  const mayChange = hasRole(editor.role, 'hoofdredacteur');
  return (
    <>
      <PageHeader
        title="Abonnees"
        description="Zoek abonnees, bekijk hun aanmeldingen en toestemmingen, importeer en exporteer lijsten."
        actions={mayChange ? <ListActions query={query} /> : null}
      />
      <ImportedNotice params={params} />
      <SubscriberFilters filter={filter} newsletters={newsletters} />
      <p className="mb-2 text-sm text-muted" role="status">
        {formatCount(page.total)} {page.total === 1 ? 'abonnee' : 'abonnees'}
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title="Geen abonnees gevonden">Pas de zoekterm of de filters aan.</EmptyState>
      ) : (
        <SubscriberTable rows={page.rows} />
      )}
      <Pagination query={query} previous={page.previous} next={page.next} />
    </>
  );
}
