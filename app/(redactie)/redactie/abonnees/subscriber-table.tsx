import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { SubscriberStatusBadge } from '@/components/subscriber-status-badge';
import { formatDate } from '@/lib/format';
import type { SubscriberRow } from '@/lib/subscribers/admin-list';
import { audienceLabels } from '@/lib/subscribers/fields';

export function SubscriberTable({ rows }: { rows: SubscriberRow[] }) {
  return (
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
          {rows.map((row) => (
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
  );
}

/** Keyset paging: each link carries the filter and the id to page from (see parseCursor). */
export function Pagination({
  query,
  previous,
  next,
  path = '/redactie/abonnees',
}: {
  query: URLSearchParams;
  previous?: number;
  next?: number;
  /** The list page the links lead to. */
  path?: string;
}) {
  if (!previous && !next) return null;
  const link = (key: 'na' | 'voor', id: number) =>
    `${path}?${new URLSearchParams([...query, [key, String(id)]])}`;
  return (
    <nav aria-label="Paginering" className="mt-4 flex justify-between">
      {previous ? (
        <Link href={link('voor', previous)} className={buttonClass('secondary')}>
          Vorige pagina
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={link('na', next)} className={buttonClass('secondary')}>
          Volgende pagina
        </Link>
      ) : null}
    </nav>
  );
}
