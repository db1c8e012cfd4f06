import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { pickNewsletter } from '@/components/newsletter-choice';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { formatDate } from '@/lib/format';
import { listNewsletters } from '@/lib/newsletters/queries';
import { overTime } from '@/lib/stats/over-time';
import {
  quarterBefore,
  quarterLabel,
  quarterOf,
  quarterParam,
  quarterPeriod,
} from '@/lib/stats/over-time-period';
import { quarterChoiceOf } from '@/lib/stats/over-time-query';
import { OverTimeSections } from '../over-time-sections';
import { PrivacyNote } from '../privacy-note';
import { StatisticsChoice } from '../statistics-choice';
import { QuarterKeyFigures } from './key-figures';
import { PrintButton } from './print-button';

export const metadata: Metadata = { title: 'Kwartaalrapport' };

type Search = Record<string, string | string[] | undefined>;

// Printed on A4 by the browser: the redactie's header and the forms hide in print, every figure
// keeps together on one page (ChartFigure's break-inside: avoid), charts shrink to the page.
const PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  html, body { background: #fff; }
  svg { max-width: 100%; }
  h2 { break-inside: avoid; }
  /* Denser rows on paper: a quarter's thirteen weeks and their chart fit on one page. */
  [data-table] th, [data-table] td { padding-top: 2px; padding-bottom: 2px; }
}`;

export default async function QuarterlyReportPage({
  searchParams,
}: {
  searchParams: Promise<Search>;
}) {
  await requireEditor('redacteur', '/redactie/statistieken/kwartaal');
  const params = await searchParams;
  const all = listNewsletters({ includeArchived: true });
  const newsletter = pickNewsletter(all, params.nieuwsbrief);
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  const now = new Date();
  const quarter = quarterChoiceOf(params, now);
  const period = quarterPeriod(quarter, now);
  const data = overTime(db(), newsletter.id, period);
  const recent = Array.from({ length: 8 }, (_, i) => quarterBefore(quarterOf(now), i));
  if (!recent.some((q) => quarterParam(q) === quarterParam(quarter))) recent.push(quarter);
  return (
    <article aria-labelledby="rapport-titel">
      <style>{PRINT_CSS}</style>
      <header className="mb-6 border-b border-line pb-4">
        <p className="text-sm text-muted print:hidden">
          <Link href={`/redactie/statistieken?nieuwsbrief=${newsletter.slug}`}>
            Terug naar de statistieken
          </Link>
        </p>
        <h1 id="rapport-titel" className="mt-2 text-2xl font-bold">
          Kwartaalrapport {newsletter.name}, {quarterLabel(quarter)}
        </h1>
        <p className="mt-1 text-muted">
          {formatDate(period.from)} tot en met{' '}
          {period.running
            ? `${formatDate(now)} (het kwartaal loopt nog)`
            : formatDate(new Date(period.to.getTime() - 1))}
          {' · '}
          {newsletter.organisation} · opgemaakt op {formatDate(now)}
        </p>
        <div className="mt-4">
          <PrintButton />
        </div>
      </header>
      <StatisticsChoice
        label="Kwartaal kiezen"
        newsletters={all}
        current={newsletter}
        period={{
          name: 'kwartaal',
          label: 'Kwartaal',
          value: quarterParam(quarter),
          options: recent.map((q) => ({ value: quarterParam(q), label: quarterLabel(q) })),
        }}
      />
      <PrivacyNote />
      <QuarterKeyFigures data={data} />
      <OverTimeSections data={data} periodLabel={period.label} />
    </article>
  );
}
