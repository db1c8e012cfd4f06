import Link from 'next/link';
import type { IssueStatus } from '@/db/schema';
import { formatDateTime } from '@/lib/format';
import { StatusBadge } from './status-badge';

export type IssueRow = {
  id: number;
  number: number;
  subject: string;
  status: IssueStatus;
  updatedAt: Date;
  updatedBy: string | null;
  items?: number;
};

export function IssueTable({ issues, caption }: { issues: IssueRow[]; caption: string }) {
  return (
    <table className="mt-3 w-full rounded-lg bg-white text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-line">
        <tr>
          <th scope="col" className="px-3 py-2">
            Nummer
          </th>
          <th scope="col" className="px-3 py-2">
            Onderwerp
          </th>
          <th scope="col" className="px-3 py-2">
            Status
          </th>
          {issues[0]?.items !== undefined ? (
            <th scope="col" className="px-3 py-2">
              Items
            </th>
          ) : null}
          <th scope="col" className="px-3 py-2">
            Laatst gewijzigd
          </th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue.id} className="border-b border-line">
            <td className="px-3 py-2 font-semibold">
              <Link href={`/redactie/nummers/${issue.id}`}>Nummer {issue.number}</Link>
            </td>
            <td className="px-3 py-2">
              {issue.subject || <span className="text-muted">Nog geen onderwerp</span>}
            </td>
            <td className="px-3 py-2">
              <StatusBadge status={issue.status} />
            </td>
            {issue.items !== undefined ? <td className="px-3 py-2">{issue.items}</td> : null}
            <td className="px-3 py-2">
              {formatDateTime(issue.updatedAt)}
              {issue.updatedBy ? ` door ${issue.updatedBy}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
