import { ChartFigure } from '@/components/charts/chart-figure';
import { formatDate } from '@/lib/format';
import type { OverTime } from '@/lib/stats/over-time';
import { overTimeFigure, type OverTimeFigure } from '@/lib/stats/over-time-charts';

const groups: { id: string; heading: (period: string) => string; figures: OverTimeFigure[] }[] = [
  {
    id: 'verloop',
    heading: (period) => `Abonnees in ${period}`,
    figures: ['abonnees', 'verloop', 'bounces'],
  },
  {
    id: 'nu',
    heading: () => `Abonnees nu (${formatDate(new Date())})`,
    figures: ['themas', 'functies'],
  },
  {
    id: 'bereik',
    heading: (period) => `Bereik van de nummers verzonden in ${period}`,
    figures: ['bereik', 'archief'],
  },
];

/**
 * The statistics of one newsletter and period, grouped under headings: on the page with a CSV
 * download per figure, on the printed quarterly report without.
 */
export function OverTimeSections({
  data,
  periodLabel,
  csvHref,
}: {
  data: OverTime;
  periodLabel: string;
  csvHref?: (figure: OverTimeFigure) => string;
}) {
  const figureOf = (figure: OverTimeFigure) => {
    const spec = overTimeFigure(figure, data);
    return (
      <ChartFigure
        key={figure}
        id={`figuur-${figure}`}
        data={spec.data}
        orientation={spec.orientation}
        summary={spec.summary}
        note={spec.note}
        csvHref={csvHref?.(figure)}
      />
    );
  };
  return groups.map(({ id, heading, figures: [first, ...rest] }) => (
    <section key={id} aria-labelledby={`groep-${id}`} className="mt-12 space-y-10">
      {/* On paper a heading goes to the next page with its first figure, never alone. */}
      <div className="break-inside-avoid space-y-4">
        <h2 id={`groep-${id}`} className="text-xl font-bold">
          {heading(periodLabel)}
        </h2>
        {figureOf(first!)}
      </div>
      {rest.map(figureOf)}
    </section>
  ));
}
