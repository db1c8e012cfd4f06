import { KeyFigures } from '@/components/key-figures';
import { formatCount } from '@/lib/format';
import { formatValue, share } from '@/lib/stats/chart-data';
import type { IssueResults } from '@/lib/stats/issue-results';

/** The issue in six numbers, above its charts; the same numbers as the figures below. */
export function IssueKeyFigures({ results }: { results: IssueResults }) {
  const { delivery, after, comparison } = results;
  const current = comparison.at(-1)!;
  return (
    <KeyFigures
      figures={[
        {
          label: 'Afgeleverd',
          value: `${formatCount(delivery.delivered)} van ${formatCount(delivery.recipients)}`,
        },
        { label: 'Klikken (schatting)', value: formatCount(current.clicks) },
        {
          label: 'Klikken per afgeleverde mail',
          value: formatValue(share(current.clicks, delivery.delivered), 'percent'),
        },
        { label: 'Bounces', value: formatCount(after.hardBounces + after.softBounces) },
        { label: 'Afmeldingen', value: formatCount(current.unsubscribes) },
        { label: 'Weergaven in het archief', value: formatCount(current.archiveViews) },
      ]}
    />
  );
}
