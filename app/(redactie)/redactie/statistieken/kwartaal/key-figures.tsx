import { formatCount } from '@/lib/format';
import type { OverTime } from '@/lib/stats/over-time';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The quarter in a few numbers, first on the report: what a board reads before the charts. */
export function KeyFigures({ data }: { data: OverTime }) {
  const { weeks, issues } = data;
  const figures = [
    { label: 'Abonnees aan het eind', value: weeks.at(-1)?.active ?? 0 },
    { label: 'Aanmeldingen', value: sum(weeks.map((w) => w.signUps)) },
    { label: 'Afmeldingen', value: sum(weeks.map((w) => w.unsubscribes)) },
    { label: 'Nummers verzonden', value: issues.length },
    { label: 'Afgeleverd', value: sum(issues.map((i) => i.delivered)) },
    { label: 'Klikken (schatting)', value: sum(issues.map((i) => i.clicks)) },
  ];
  return (
    <section aria-labelledby="kerncijfers" className="mb-10 break-inside-avoid">
      <h2 id="kerncijfers" className="text-xl font-bold">
        Kerncijfers
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map((f) => (
          <div key={f.label} className="rounded-md border border-line bg-white px-4 py-3">
            <dt className="text-sm text-muted">{f.label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{formatCount(f.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
