import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { formatCount } from '@/lib/format';
import { parseCursor } from '@/lib/subscribers/admin-filter';
import {
  parseSuppressionFilter,
  suppressionFilterToParams,
} from '@/lib/subscribers/suppression-filter';
import { suppressionPage } from '@/lib/subscribers/queries';
import { Pagination } from '../subscriber-table';
import { AddSuppressionForm } from './add-form';
import { SuppressionFilters } from './suppression-filters';
import { SuppressionTable } from './suppression-table';

export const metadata: Metadata = { title: 'Onderdrukkingslijst' };

type Params = Record<string, string | string[] | undefined>;

function AddSection() {
  return (
    <section
      aria-labelledby="toevoegen"
      className="mb-6 rounded-lg border border-line bg-white p-6"
    >
      <h2 id="toevoegen" className="text-lg font-bold">
        Adres toevoegen
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted">
        Dit adres krijgt vanaf nu geen nieuwsbrief of andere e-mail van Kopij meer. Een abonnee met
        dit adres krijgt de status Onbestelbaar.
      </p>
      <AddSuppressionForm />
    </section>
  );
}

// Hoofdredacteuren manage subscriber lists (import, export, erasure) and see why rows are
// skipped; only an admin changes the list, as with every other setting that overrides a rule.
export default async function SuppressionsPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const editor = await requireEditor('hoofdredacteur', '/redactie/abonnees/onderdrukt');
  const params = await searchParams;
  const filter = parseSuppressionFilter(params);
  const page = suppressionPage(filter, parseCursor(params));
  const isAdmin = hasRole(editor.role, 'admin');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/abonnees">← Abonnees</Link>
      </p>
      <PageHeader
        title="Onderdrukkingslijst"
        description="Adressen die nooit meer e-mail van ons krijgen: na een harde bounce, een klacht, een wissing of een keuze van een beheerder. Verzendingen, imports en aanmeldingen slaan ze over."
      />
      {params.opgeheven === '1' ? (
        <PageNotice>
          De onderdrukking is opgeheven. Er is niemand opnieuw aangemeld: wie weer e-mail wil
          ontvangen, meldt zich zelf aan en bevestigt dat.
        </PageNotice>
      ) : null}
      {isAdmin ? <AddSection /> : null}
      <SuppressionFilters filter={filter} />
      {page.erased ? <PageNotice>Dit adres staat op de lijst (gewist).</PageNotice> : null}
      <p className="mb-2 text-sm text-muted" role="status">
        {formatCount(page.total)} {page.total === 1 ? 'adres' : 'adressen'}
      </p>
      {isAdmin ? (
        <p className="mb-2 text-sm text-muted">
          Opheffen haalt een adres van de lijst, maar meldt niemand opnieuw aan.
        </p>
      ) : null}
      {page.rows.length === 0 ? (
        <EmptyState title="Geen adressen gevonden">
          {filter.q && filter.state === 'actief' && !filter.reason
            ? 'Dit adres staat niet op de lijst.'
            : 'Pas de zoekterm of de filters aan.'}
        </EmptyState>
      ) : (
        <SuppressionTable rows={page.rows} mayLift={isAdmin} />
      )}
      <Pagination
        query={suppressionFilterToParams(filter)}
        previous={page.previous}
        next={page.next}
        path="/redactie/abonnees/onderdrukt"
      />
    </>
  );
}
