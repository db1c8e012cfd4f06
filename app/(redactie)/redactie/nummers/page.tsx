import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { ButtonLink } from '@/components/button';
import { IssueTable } from '@/components/issue-table';
import { LiveUpdates } from '@/components/live-updates';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { db } from '@/db';
import { liveState, viewerOf } from '@/lib/issue/live';
import { listIssues } from '@/lib/issue/queries';
import { listTemplates } from '@/lib/issue/templates';
import { listNewsletters } from '@/lib/newsletters/queries';
import { NewIssueForm } from './new-issue-form';

export const metadata: Metadata = { title: 'Nummers' };

export default async function IssuesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor('redacteur', '/redactie/nummers');
  const { verwijderd } = await searchParams;
  // Archived newsletters keep their issues listed, but offer no "Nieuw nummer".
  const newsletters = listNewsletters({ includeArchived: true });
  return (
    <>
      <PageHeader
        title="Nummers"
        description="Alle nummers per nieuwsbrief, het nieuwste bovenaan."
        actions={
          <ButtonLink href="/redactie/nummers/sjablonen" variant="secondary">
            Sjablonen
          </ButtonLink>
        }
      />
      <LiveUpdates initial={liveState(db(), viewerOf(editor))} />
      {typeof verwijderd === 'string' && verwijderd ? (
        <PageNotice>{verwijderd.slice(0, 200)} is verwijderd.</PageNotice>
      ) : null}
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
                <NewIssueForm
                  newsletterId={newsletter.id}
                  name={newsletter.name}
                  templates={listTemplates(db(), newsletter.id).map(({ id, name }) => ({
                    id,
                    name,
                  }))}
                />
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
