import { KeyFigures } from '@/components/key-figures';
import { formatCount } from '@/lib/format';
import type { OverTime } from '@/lib/stats/over-time';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The quarter in a few numbers, first on the report. */
export function QuarterKeyFigures({ data }: { data: OverTime }) {
  const { weeks, issues } = data;
  const figures = [
    { label: 'Abonnees aan het eind', value: weeks.at(-1)?.active ?? 0 },
    { label: 'Aanmeldingen', value: sum(weeks.map((w) => w.signUps)) },
    { label: 'Afmeldingen', value: sum(weeks.map((w) => w.unsubscribes)) },
    { label: 'Nummers verzonden', value: issues.length },
    { label: 'Afgeleverd', value: sum(issues.map((i) => i.delivered)) },
    { label: 'Klikken (schatting)', value: sum(issues.map((i) => i.clicks)) },
  ];
  return <KeyFigures figures={figures.map((f) => ({ ...f, value: formatCount(f.value) }))} />;
}
