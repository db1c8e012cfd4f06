import type { Metadata } from 'next';
import { ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { listNewsletters } from '@/lib/newsletters/queries';
import { overTime } from '@/lib/stats/over-time';
import { quarterOf, quarterParam } from '@/lib/stats/over-time-period';
import {
  csvHref,
  periodChoiceOf,
  periodOf,
  weekChoices,
  DEFAULT_WEEKS,
} from '@/lib/stats/over-time-query';
import { OverTimeSections } from './over-time-sections';
import { PrivacyNote } from './privacy-note';
import { StatisticsChoice } from './statistics-choice';

export const metadata: Metadata = { title: 'Statistieken' };

type Search = Record<string, string | string[] | undefined>;

// Counts only, nothing about a person: every editor may read them.
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireEditor('redacteur', '/redactie/statistieken');
  const params = await searchParams;
  const all = listNewsletters({ includeArchived: true });
  const newsletter = pickNewsletter(all, params.nieuwsbrief);
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  // The page shows recent weeks; a quarter is the report's (kwartaal/).
  const choice = periodChoiceOf({ weken: params.weken });
  const period = periodOf(choice);
  const data = overTime(db(), newsletter.id, period);
  const report = `/redactie/statistieken/kwartaal?${new URLSearchParams({
    nieuwsbrief: newsletter.slug,
    kwartaal: quarterParam(quarterOf(new Date())),
  })}`;
  return (
    <>
      <PageHeader
        title="Statistieken"
        description={`${newsletter.name}: lezers, aan- en afmeldingen en het bereik van de nummers in ${period.label}.`}
        actions={
          <ButtonLink href={report} variant="secondary">
            Kwartaalrapport
          </ButtonLink>
        }
      />
      <PrivacyNote />
      <StatisticsChoice
        label="Statistieken kiezen"
        newsletters={all}
        current={newsletter}
        period={{
          name: 'weken',
          label: 'Periode',
          value: 'weken' in choice ? choice.weken : DEFAULT_WEEKS,
          options: weekChoices.map((w) => ({ value: w, label: `De laatste ${w} weken` })),
        }}
      />
      <OverTimeSections
        data={data}
        periodLabel={period.label}
        csvHref={(figure) => csvHref(newsletter.slug, figure, choice)}
      />
    </>
  );
}
