import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FilterSelect } from '@/components/filter-select';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { SubscriberStatusBadge } from '@/components/subscriber-status-badge';
import { subscriberStatuses, subscriptionStatuses } from '@/db/schema';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { formatDate } from '@/lib/format';
import {
  filterToParams,
  parseCursor,
  parseSubscriberFilter,
  subscriberStatusLabels,
  subscriptionStatusLabels,
} from '@/lib/subscribers/admin-filter';
import { audienceLabels, audienceOptions } from '@/lib/subscribers/fields';
import { newslettersWithThemes, subscriberPage } from '@/lib/subscribers/queries';

export const metadata: Metadata = { title: 'Abonnees' };

type Params = Record<string, string | string[] | undefined>;

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';
const count = (n: number) => n.toLocaleString('nl-NL');

function ImportedNotice({ params }: { params: Params }) {
  if (params.import !== 'klaar') return null;
  const n = (key: string) =>
    typeof params[key] === 'string' && /^\d{1,7}$/.test(params[key] as string)
      ? Number(params[key])
      : 0;
  return (
    <PageNotice>
      Import voltooid: {count(n('nieuw'))} nieuw, {count(n('bijgewerkt'))} bijgewerkt,{' '}
      {count(n('overgeslagen'))} overgeslagen. Er is geen e-mail verstuurd.
    </PageNotice>
  );
}

export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const editor = await requireEditor('redacteur', '/redactie/abonnees');
  const params = await searchParams;
  const filter = parseSubscriberFilter(params);
  const page = subscriberPage(filter, parseCursor(params));
  const newsletters = newslettersWithThemes();
  const query = filterToParams(filter);
  const link = (key: 'na' | 'voor', id: number) =>
    `/redactie/abonnees?${new URLSearchParams([...query, [key, String(id)]])}`;
  const mayChange = hasRole(editor.role, 'hoofdredacteur');
  return (
    <>
      <PageHeader
        title="Abonnees"
        description="Zoek abonnees, bekijk hun aanmeldingen en toestemmingen, importeer en exporteer lijsten."
        actions={
          mayChange ? (
            <>
              <ButtonLink href="/redactie/abonnees/importeren">Importeren</ButtonLink>
              {/* A plain link: the export is a file download, not a page. */}
              <a
                href={`/redactie/abonnees/exporteren?${query}`}
                className={buttonClass('secondary')}
                download
              >
                Exporteren (CSV)
              </a>
            </>
          ) : null
        }
      />
      <ImportedNotice params={params} />
      <form
        method="get"
        role="search"
        aria-label="Abonnees filteren"
        className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <div className="sm:col-span-3 lg:col-span-2">
          <label htmlFor="q" className="block text-sm font-semibold">
            Zoeken op naam of e-mailadres
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} className={select} />
        </div>
        <FilterSelect
          name="status"
          label="Status abonnee"
          value={filter.status}
          all="Alle"
          options={subscriberStatuses.map((s) => ({ value: s, label: subscriberStatusLabels[s] }))}
          className={select}
        />
        <FilterSelect
          name="inschrijving"
          label="Inschrijving"
          value={filter.subscription}
          all="Alle"
          options={subscriptionStatuses.map((s) => ({
            value: s,
            label: subscriptionStatusLabels[s],
          }))}
          className={select}
        />
        <FilterSelect
          name="functie"
          label="Functie"
          value={filter.audience}
          all="Alle functies"
          options={audienceOptions}
          className={select}
        />
        <div>
          <label htmlFor="thema" className="block text-sm font-semibold">
            Thema
          </label>
          <select id="thema" name="thema" defaultValue={filter.themeId ?? ''} className={select}>
            <option value="">Alle thema’s</option>
            {newsletters.map((n) => (
              <optgroup key={n.id} label={n.name}>
                {n.themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {newsletters.length > 1 ? (
          <FilterSelect
            name="nieuwsbrief"
            label="Nieuwsbrief"
            value={filter.newsletterId}
            all="Alle nieuwsbrieven"
            options={newsletters.map((n) => ({ value: n.id, label: n.name }))}
            className={select}
          />
        ) : null}
        <div className="flex gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass('secondary')}>
            Filteren
          </button>
          <Link href="/redactie/abonnees" className={buttonClass('ghost')}>
            Filters wissen
          </Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-muted" role="status">
        {count(page.total)} {page.total === 1 ? 'abonnee' : 'abonnees'}
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title="Geen abonnees gevonden">Pas de zoekterm of de filters aan.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Abonnees, nieuwste eerst</caption>
            <thead className="border-b border-line bg-gray-50">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Naam en e-mailadres
                </th>
                <th scope="col" className="px-4 py-2">
                  Gemeente
                </th>
                <th scope="col" className="px-4 py-2">
                  Functie
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2">
                  Sinds
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top last:border-0">
                  <td className="px-4 py-2">
                    <Link href={`/redactie/abonnees/${row.id}`} className="font-semibold">
                      {row.email ?? `Gewiste abonnee #${row.id}`}
                    </Link>
                    {row.name ? <span className="block text-muted">{row.name}</span> : null}
                  </td>
                  <td className="px-4 py-2">{row.municipality ?? '—'}</td>
                  <td className="px-4 py-2">{audienceLabels[row.audience]}</td>
                  <td className="px-4 py-2">
                    <SubscriberStatusBadge status={row.status} />
                  </td>
                  <td className="px-4 py-2">{formatDate(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.previous || page.next ? (
        <nav aria-label="Paginering" className="mt-4 flex justify-between">
          {page.previous ? (
            <Link href={link('voor', page.previous)} className={buttonClass('secondary')}>
              Vorige pagina
            </Link>
          ) : (
            <span />
          )}
          {page.next ? (
            <Link href={link('na', page.next)} className={buttonClass('secondary')}>
              Volgende pagina
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
