import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { IssueTable } from '@/components/issue-table';
import { LiveUpdates } from '@/components/live-updates';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { whatNeedsMe } from '@/lib/issue/dashboard';
import { liveState, viewerOf } from '@/lib/issue/live';
import { activeSubscriptionCount, listIssues } from '@/lib/issue/queries';
import { newsletterFigures } from '@/lib/newsletters/figures';
import { LastSentPanel, NextSendPanel, WaitingPanel } from './dashboard-panels';
import { NewsletterFiguresTable } from './newsletter-figures';

export const metadata: Metadata = { title: 'Overzicht' };

export default async function DashboardPage() {
  const editor = await requireEditor();
  const mine = whatNeedsMe(db(), editor);
  const issues = listIssues(undefined, 10);
  const subscribers = activeSubscriptionCount();
  return (
    <>
      <PageHeader
        title={`Welkom, ${editor.name ?? editor.email}`}
        description={`${subscribers} actieve abonnementen.`}
      />
      <LiveUpdates initial={liveState(db(), viewerOf(editor))} />
      <div className="grid gap-4 md:grid-cols-2">
        <WaitingPanel mine={mine} showReviews={hasRole(editor.role, 'hoofdredacteur')} />
        <NextSendPanel issue={mine.nextScheduled} />
        <LastSentPanel issue={mine.lastSent} summary={mine.deliverySummary} />
      </div>
      <NewsletterFiguresTable figures={newsletterFigures(db())} />
      <section aria-labelledby="nummers" className="mt-8">
        <h2 id="nummers" className="text-lg font-bold">
          Recente nummers
        </h2>
        {issues.length === 0 ? (
          <EmptyState title="Nog geen nummers">
            Zodra er een nummer is aangemaakt, staat het hier.
          </EmptyState>
        ) : (
          <IssueTable issues={issues} caption="Recente nummers met status" />
        )}
      </section>
    </>
  );
}
