import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/format';
import type { IssueResults } from '@/lib/stats/issue-results';
import {
  issueResultFigures,
  type ResultFigure,
  type ResultFigureId,
} from '@/lib/stats/issue-results-charts';
import { IssueTabs } from '../issue-tabs';
import { IssueKeyFigures } from './issue-key-figures';
import { ResultsIntro } from './results-intro';
import { resultsPath, sentIssueResults } from './sent-issue-results';

export const metadata: Metadata = { title: 'Resultaten' };

// The figures in groups, each under its own heading.
const groups: { heading: string; figures: ResultFigureId[] }[] = [
  { heading: 'Bezorging en reacties', figures: ['bezorging', 'na-bezorging'] },
  { heading: 'Klikken', figures: ['items', 'links'] },
  { heading: 'Per thema en doelgroep', figures: ['themas', 'groepen'] },
  { heading: 'Vergeleken met eerdere nummers', figures: ['vergelijking', 'vergelijking-aandelen'] },
  { heading: 'Openingen', figures: ['openingen'] },
];

function sentLine({ issue }: IssueResults): string {
  if (issue.status === 'sent' && issue.sentAt)
    return `Verzonden op ${formatDateTime(issue.sentAt)}.`;
  return issue.sendStartedAt
    ? `Verzending gestart op ${formatDateTime(issue.sendStartedAt)}.`
    : 'Verzonden.';
}

// Counts only, nothing about a person: every editor may read them. An issue that was never sent
// has no results: not found.
export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('redacteur', resultsPath(encodeURIComponent(id)));
  const results = sentIssueResults(id);
  if (!results) notFound();
  const { issue } = results;
  const figures = new Map<ResultFigureId, ResultFigure>(
    issueResultFigures(results).map((f) => [f.id, f]),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nummers">Alle nummers</Link>
      </p>
      <PageHeader title={`Resultaten van ${issue.title}`} description={sentLine(results)} />
      <IssueTabs issueId={issue.id} current="resultaten" />
      <ResultsIntro results={results} />
      <IssueKeyFigures results={results} />
      <div className="space-y-12">
        {groups.map((group, index) => {
          const shown = group.figures.flatMap((f) => figures.get(f) ?? []);
          if (shown.length === 0) return null;
          return (
            <section key={group.heading} aria-labelledby={`groep-${index}`} className="space-y-8">
              <h2 id={`groep-${index}`} className="text-xl font-bold">
                {group.heading}
              </h2>
              {shown.map((f) => (
                <ChartFigure
                  key={f.id}
                  id={f.id}
                  data={f.data}
                  orientation="horizontal"
                  summary={f.summary}
                  note={f.note}
                  csvHref={`${resultsPath(issue.id)}/csv?figuur=${f.id}`}
                />
              ))}
            </section>
          );
        })}
      </div>
    </>
  );
}
