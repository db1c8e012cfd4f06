import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { IssueTable } from '@/components/issue-table';
import { issueStatusLabels } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { activeSubscriptionCount, issueCountsByStatus, listIssues } from '@/lib/issue/queries';

export const metadata: Metadata = { title: 'Overzicht' };

export default async function DashboardPage() {
  const editor = await requireEditor();
  const issues = listIssues(undefined, 10);
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
          <IssueTable issues={issues} caption="Recente nummers met status" />
        )}
      </section>
    </>
  );
}
