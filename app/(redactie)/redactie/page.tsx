import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/empty-state';
import { IssueTable } from '@/components/issue-table';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import { whatNeedsMe } from '@/lib/issue/dashboard';
import { activeSubscriptionCount, listIssues } from '@/lib/issue/queries';

export const metadata: Metadata = { title: 'Overzicht' };

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

const issueLink = (i: { id: number; newsletterName: string; number: number; subject: string }) => (
  <Link href={`/redactie/nummers/${i.id}`}>
    {i.newsletterName} {i.number}: {i.subject || 'zonder onderwerp'}
  </Link>
);

export default async function DashboardPage() {
  const editor = await requireEditor();
  const mine = whatNeedsMe(db(), editor);
  const issues = listIssues(undefined, 10);
  const subscribers = activeSubscriptionCount();
  const summary = mine.deliverySummary as Record<string, number>;
  const total = Object.values(summary).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader
        title={`Welkom, ${editor.name ?? editor.email}`}
        description={`${subscribers} actieve abonnementen.`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel id="voor-mij" title="Wat op u wacht">
          <ul className="space-y-2">
            {hasRole(editor.role, 'hoofdredacteur')
              ? mine.reviews.map((i) => (
                  <li key={`r${i.id}`}>
                    <strong>Review:</strong> {issueLink(i)}
                  </li>
                ))
              : null}
            {mine.drafts.map((i) => (
              <li key={`d${i.id}`}>
                <strong>Uw concept:</strong> {issueLink(i)}
              </li>
            ))}
            {mine.failed.map((f) => (
              <li key={`f${f.issueId}`}>
                <strong>Niet bezorgd:</strong>{' '}
                <Link
                  href={`/redactie/nummers/${f.issueId}`}
                >{`${f.n} adressen bij ${f.newsletterName} ${f.number}`}</Link>
              </li>
            ))}
          </ul>
          {mine.reviews.length + mine.drafts.length + mine.failed.length === 0 ? (
            <p className="text-muted">
              Niets: er wacht geen review, concept of mislukte bezorging op u.
            </p>
          ) : null}
        </Panel>
        <Panel id="planning" title="Volgende verzending">
          {mine.nextScheduled ? (
            <p>
              {issueLink(mine.nextScheduled)} wordt verzonden op{' '}
              {formatDateTime(mine.nextScheduled.scheduledAt!)}.
            </p>
          ) : (
            <p className="text-muted">Er is geen nummer ingepland.</p>
          )}
        </Panel>
        <Panel id="laatst" title="Laatst verzonden">
          {mine.lastSent ? (
            <>
              <p>
                {issueLink(mine.lastSent)}, verzonden op {formatDateTime(mine.lastSent.sentAt!)}.
              </p>
              {total ? (
                <p className="mt-1 text-sm">
                  {summary.sent ?? 0} van {total} bezorgd
                  {summary.failed ? `, ${summary.failed} mislukt` : ''}
                  {(summary.queued ?? 0) + (summary.retry ?? 0) + (summary.sending ?? 0)
                    ? `, ${(summary.queued ?? 0) + (summary.retry ?? 0) + (summary.sending ?? 0)} onderweg`
                    : ''}
                  .
                </p>
              ) : (
                <p className="mt-1 text-sm text-muted">
                  Van dit nummer zijn geen bezorgingen geregistreerd.
                </p>
              )}
            </>
          ) : (
            <p className="text-muted">Nog niets verzonden.</p>
          )}
        </Panel>
      </div>
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
