import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { IssueTable } from '@/components/issue-table';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { listIssues } from '@/lib/issue/queries';
import { listNewsletters } from '@/lib/newsletters/queries';
import { NewIssueForm } from './new-issue-form';

export const metadata: Metadata = { title: 'Nummers' };

export default async function IssuesPage() {
  await requireEditor('redacteur', '/redactie/nummers');
  // Archived newsletters keep their issues listed, but offer no "Nieuw nummer".
  const newsletters = listNewsletters({ includeArchived: true });
  return (
    <>
      <PageHeader
        title="Nummers"
        description="Alle nummers per nieuwsbrief, het nieuwste bovenaan."
      />
      {newsletters.map((newsletter) => {
        const issues = listIssues(newsletter.id);
        return (
          <section key={newsletter.id} aria-labelledby={`nb-${newsletter.id}`} className="mb-10">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id={`nb-${newsletter.id}`} className="text-xl font-bold">
                {newsletter.name}
                {newsletter.archivedAt ? (
                  <span className="ml-2 text-base font-normal text-muted">(gearchiveerd)</span>
                ) : null}
              </h2>
              {newsletter.archivedAt ? null : (
                <NewIssueForm newsletterId={newsletter.id} name={newsletter.name} />
              )}
            </div>
            {issues.length ? (
              <IssueTable issues={issues} caption={`Nummers van ${newsletter.name}`} />
            ) : (
              <EmptyState title="Nog geen nummers">Maak het eerste nummer aan.</EmptyState>
            )}
          </section>
        );
      })}
    </>
  );
}
