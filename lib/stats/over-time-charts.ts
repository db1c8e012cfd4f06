import { formatCount, formatDate } from '@/lib/format';
import type { ChartData, ChartRow } from './chart-data';
import type { Counted, OverTime, WeekFigures } from './over-time';

// The figures of the statistics page and the quarterly report, each one ChartData made from
// the same OverTime: the page, the printed report and the CSV download cannot disagree.

export const overTimeFigures = [
  'abonnees',
  'verloop',
  'bounces',
  'themas',
  'functies',
  'bereik',
  'archief',
] as const;
export type OverTimeFigure = (typeof overTimeFigures)[number];

export type FigureSpec = {
  data: ChartData;
  /** Columns for weeks, bars for named things. */
  orientation: 'horizontal' | 'vertical';
  /** One sentence as the chart's text alternative; the table beside it has every number. */
  summary: string;
  note?: string;
};

const weekly = (
  weeks: WeekFigures[],
  title: string,
  series: { key: keyof WeekFigures & string; label: string }[],
): ChartData => ({
  title,
  rowHeading: 'Week',
  series,
  rows: weeks.map((w) => ({
    label: w.label,
    values: Object.fromEntries(series.map((s) => [s.key, w[s.key] as number])),
  })),
});

const counted = (rows: Counted[], title: string, rowHeading: string): ChartData => ({
  title,
  rowHeading,
  series: [{ key: 'count', label: 'Actieve abonnees' }],
  rows: rows.map((r) => ({ label: r.label, values: { count: r.count } })),
});

const total = (rows: ChartRow[], key: string) =>
  rows.reduce((sum, row) => sum + (row.values[key] ?? 0), 0);

/** "aanmeldingen 12, bevestigd 10": each series summed over the rows. */
const seriesTotals = (data: ChartData) =>
  data.series.map((s) => `${s.label.toLowerCase()} ${formatCount(total(data.rows, s.key))}`);

/** "Opgeteld over 26 weken: aanmeldingen 12, bevestigd 10, afmeldingen 1." */
const weekTotals = (data: ChartData) =>
  `Opgeteld over ${data.rows.length} ${data.rows.length === 1 ? 'week' : 'weken'}: ${seriesTotals(data).join(', ')}.`;

/** "Het meest: Bestuur en organisatie (23)." */
function largest(data: ChartData): string {
  const top = data.rows.reduce((a, b) => ((b.values.count ?? 0) > (a.values.count ?? 0) ? b : a));
  return `Het meest: ${top.label} (${formatCount(top.values.count ?? 0)}); samen ${formatCount(total(data.rows, 'count'))}.`;
}

function activeSummary(data: ChartData): string {
  const first = data.rows[0];
  const last = data.rows.at(-1);
  if (!first || !last) return 'Nog geen gegevens.';
  return `Van ${formatCount(first.values.active ?? 0)} in ${first.label} naar ${formatCount(last.values.active ?? 0)} in ${last.label}.`;
}

function reachData(data: OverTime): ChartData {
  return {
    title: 'Bereik per nummer',
    rowHeading: 'Nummer',
    series: [
      { key: 'recipients', label: 'Ontvangers' },
      { key: 'delivered', label: 'Afgeleverd' },
      { key: 'clicks', label: 'Klikken' },
      { key: 'archiveViews', label: 'Weergaven in het archief' },
    ],
    rows: data.issues.map((i) => ({
      label: `Nummer ${i.number}, ${formatDate(i.sentAt)}`,
      values: {
        recipients: i.recipients,
        delivered: i.delivered,
        clicks: i.clicks,
        archiveViews: i.archiveViews,
      },
    })),
  };
}

/** One figure of the statistics, with its chart's orientation and text alternative. */
export function overTimeFigure(figure: OverTimeFigure, data: OverTime): FigureSpec {
  switch (figure) {
    case 'abonnees': {
      const chart = weekly(data.weeks, 'Abonnees per week', [
        { key: 'active', label: 'Abonnees aan het eind van de week' },
      ]);
      return {
        data: chart,
        orientation: 'vertical',
        summary: activeSummary(chart),
        note: 'Afgeleid uit de datum van bevestigen en afmelden: wie bevestigd had en zich nog niet had afgemeld.',
      };
    }
    case 'verloop': {
      const chart = weekly(data.weeks, 'Aanmeldingen en afmeldingen per week', [
        { key: 'signUps', label: 'Aanmeldingen' },
        { key: 'confirmations', label: 'Bevestigd' },
        { key: 'unsubscribes', label: 'Afmeldingen' },
      ]);
      return { data: chart, orientation: 'vertical', summary: weekTotals(chart) };
    }
    case 'bounces': {
      const chart = weekly(data.weeks, 'Bounces en klachten per week', [
        { key: 'hardBounces', label: 'Harde bounces' },
        { key: 'softBounces', label: 'Zachte bounces' },
        { key: 'complaints', label: 'Klachten' },
      ]);
      return { data: chart, orientation: 'vertical', summary: weekTotals(chart) };
    }
    case 'themas': {
      const chart = counted(data.themes, 'Actieve abonnees per thema', 'Thema');
      return {
        data: chart,
        orientation: 'horizontal',
        summary: chart.rows.length ? largest(chart) : 'Nog geen thema’s.',
        note: 'Een abonnee met meer thema’s telt bij elk thema mee.',
      };
    }
    case 'functies': {
      const chart = counted(data.audiences, 'Actieve abonnees per functie', 'Functie');
      return { data: chart, orientation: 'horizontal', summary: largest(chart) };
    }
    case 'archief': {
      const chart = weekly(data.weeks, 'Het archief per week', [
        { key: 'archiveViews', label: 'Weergaven van nummers' },
        { key: 'archiveSearches', label: 'Zoekopdrachten' },
      ]);
      return {
        data: chart,
        orientation: 'vertical',
        summary: weekTotals(chart),
        note: 'Geteld op de server, zonder cookie en zonder bots; de zoekopdrachten gelden voor het hele archief, alle nieuwsbrieven samen. Zoektermen worden niet bewaard.',
      };
    }
    case 'bereik': {
      const chart = reachData(data);
      return {
        data: chart,
        orientation: 'horizontal',
        summary: chart.rows.length
          ? `${chart.rows.length} ${chart.rows.length === 1 ? 'nummer' : 'nummers'} verzonden; samen ${seriesTotals(chart).join(', ')}.`
          : 'Geen nummers verzonden in deze periode.',
        note: 'Klikken zijn een schatting: klikken van scanners in mailprogramma’s zijn eruit gefilterd. Weergaven in het archief zonder bots.',
      };
    }
  }
}
