import type { listAudit } from '@/lib/audit-log/list';
import { formatDateTime } from '@/lib/format';

type AuditRow = ReturnType<typeof listAudit>['rows'][number];

function AuditRowView({ row }: { row: AuditRow }) {
  return (
    <tr className="border-b border-line align-top" data-audit-action={row.action}>
      <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(row.at)}</td>
      <td className="px-4 py-2">{row.actorLabel}</td>
      <td className="px-4 py-2">
        {row.summary}
        {row.details && Object.keys(row.details).length ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-brand-700">Details</summary>
            <pre className="mt-1 text-xs break-all whitespace-pre-wrap">
              {JSON.stringify(row.details, null, 2)}
            </pre>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Logboek, nieuwste eerst</caption>
        <thead className="border-b border-line">
          <tr>
            <th scope="col" className="px-4 py-2">
              Wanneer
            </th>
            <th scope="col" className="px-4 py-2">
              Door
            </th>
            <th scope="col" className="px-4 py-2">
              Wat
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AuditRowView key={row.id} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
