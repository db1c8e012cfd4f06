import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { newsletterOverview } from '@/lib/newsletters/queries';

export const metadata: Metadata = { title: 'Nieuwsbrieven' };

export default async function NewslettersPage() {
  await requireEditor('admin', '/redactie/nieuwsbrieven');
  const newsletters = newsletterOverview();
  const create = <ButtonLink href="/redactie/nieuwsbrieven/nieuw">Nieuwe nieuwsbrief</ButtonLink>;
  return (
    <>
      <PageHeader
        title="Nieuwsbrieven"
        description="De nieuwsbrieven van uw organisatie: naam, afzender, huisstijl en voettekst."
        actions={create}
      />
      {newsletters.length === 0 ? (
        <EmptyState title="Nog geen nieuwsbrieven" action={create}>
          Maak de eerste nieuwsbrief aan; daarna voegt u thema&apos;s en vaste blokken toe.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Nieuwsbrieven met status en aantallen</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Naam
                </th>
                <th scope="col" className="px-4 py-2">
                  Organisatie
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Nummers
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Abonnees
                </th>
              </tr>
            </thead>
            <tbody>
              {newsletters.map((n) => (
                <tr key={n.id} className="border-b border-line last:border-0">
                  <td className="px-4 py-3 font-semibold">
                    <Link href={`/redactie/nieuwsbrieven/${n.id}`}>{n.name}</Link>
                    <span className="block font-normal text-muted">/{n.slug}</span>
                  </td>
                  <td className="px-4 py-3">{n.organisation}</td>
                  <td className="px-4 py-3">
                    {n.archivedAt ? (
                      <Badge>Gearchiveerd</Badge>
                    ) : (
                      <Badge tone="success">Actief</Badge>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{n.issueCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{n.subscriberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
