import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { StatusBadge, issueStatusLabels } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/format';
import { activeSubscriptionCount, issueCountsByStatus, listRecentIssues } from '@/lib/issues/queries';

export const metadata: Metadata = { title: 'Overzicht' };

export default async function DashboardPage() {
  const editor = await requireEditor();
  const issues = listRecentIssues();
  const counts = issueCountsByStatus();
  const subscribers = activeSubscriptionCount();
  return (
    <>
      <PageHeader title={`Welkom, ${editor.name ?? editor.email}`} description="Wat er speelt in de redactie." />
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-line bg-white p-4">
          <dt className="text-sm text-muted">Actieve abonnementen</dt>
          <dd className="text-2xl font-bold">{subscribers}</dd>
        </div>
        {counts.map((c) => (
          <div key={c.status} className="rounded-lg border border-line bg-white p-4">
            <dt className="text-sm text-muted">Nummers: {issueStatusLabels[c.status].toLowerCase()}</dt>
            <dd className="text-2xl font-bold">{c.n}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="nummers" className="mt-8">
        <h2 id="nummers" className="text-lg font-bold">
          Recente nummers
        </h2>
        {issues.length === 0 ? (
          <EmptyState title="Nog geen nummers">Zodra er een nummer is aangemaakt, staat het hier.</EmptyState>
        ) : (
          <table className="mt-3 w-full rounded-lg bg-white text-left text-sm">
            <caption className="sr-only">Recente nummers met status</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="px-3 py-2">Nummer</th>
                <th scope="col" className="px-3 py-2">Onderwerp</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Laatst gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.id} className="border-b border-line">
                  <td className="px-3 py-2 font-semibold">{issue.number}</td>
                  <td className="px-3 py-2">{issue.subject || <span className="text-muted">Nog geen onderwerp</span>}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={issue.status} />
                  </td>
                  <td className="px-3 py-2">
                    {formatDateTime(issue.updatedAt)}
                    {issue.updatedBy ? ` door ${issue.updatedBy}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
