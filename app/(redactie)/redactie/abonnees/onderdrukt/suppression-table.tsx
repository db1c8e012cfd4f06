import { Badge } from '@/components/status-badge';
import { formatDateTime } from '@/lib/format';
import type { SuppressionRow } from '@/lib/subscribers/suppression-admin';
import { suppressionReasonLabels } from '@/lib/subscribers/suppression-filter';
import { LiftForm } from './lift-form';

const who = (name: string | null, email: string | null) => name ?? email;

/** Bounces and complaints are put on the list by Kopij itself, without an editor. */
function addedBy(row: SuppressionRow) {
  const editor = who(row.createdBy, row.createdByEmail);
  if (editor) return editor;
  return row.reason === 'hard_bounce' || row.reason === 'complaint' ? 'Kopij (automatisch)' : '—';
}

function Lifted({ row }: { row: SuppressionRow }) {
  return (
    <>
      <Badge>Opgeheven</Badge>
      <span className="mt-1 block">
        {formatDateTime(row.liftedAt!)} door {who(row.liftedBy, row.liftedByEmail) ?? '—'}
      </span>
      <span className="block text-muted">{row.liftReason}</span>
    </>
  );
}

export function SuppressionTable({ rows, mayLift }: { rows: SuppressionRow[]; mayLift: boolean }) {
  const anyLifted = rows.some((r) => r.liftedAt);
  const showLast = mayLift || anyLifted;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Onderdrukte adressen, nieuwste eerst</caption>
        <thead className="border-b border-line bg-gray-50">
          <tr>
            <th scope="col" className="px-4 py-2">
              E-mailadres
            </th>
            <th scope="col" className="px-4 py-2">
              Reden
            </th>
            <th scope="col" className="px-4 py-2">
              Toelichting
            </th>
            <th scope="col" className="px-4 py-2">
              Sinds
            </th>
            <th scope="col" className="px-4 py-2">
              Door
            </th>
            {showLast ? (
              <th scope="col" className="px-4 py-2">
                {anyLifted ? 'Stand' : 'Opheffen'}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const address = row.email ?? `gewist adres #${row.id}`;
            return (
              <tr key={row.id} className="border-b border-line align-top last:border-0">
                <th scope="row" className="px-4 py-2 font-semibold">
                  {row.email ?? <span className="text-muted italic">gewist adres</span>}
                </th>
                <td className="px-4 py-2">{suppressionReasonLabels[row.reason]}</td>
                <td className="px-4 py-2 break-words">{row.detail || '—'}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                <td className="px-4 py-2">{addedBy(row)}</td>
                {showLast ? (
                  <td className="px-4 py-2">
                    {row.liftedAt ? (
                      <Lifted row={row} />
                    ) : mayLift ? (
                      <LiftForm id={row.id} address={address} />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
