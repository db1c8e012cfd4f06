import { toCsv } from '@/lib/subscribers/csv';

/**
 * One shape for every figure on the statistics pages: the chart, its table and its CSV are made
 * from the same ChartData, so they cannot disagree.
 */
export type ChartSeries = {
  key: string;
  label: string;
  /** 'percent': values are shares from 0 to 100; shown with one decimal and a % sign. */
  unit?: 'count' | 'percent';
};

export type ChartRow = { label: string; values: Record<string, number | null> };

export type ChartData = {
  title: string;
  /** What the first column holds ("Week", "Item", "Nummer"). */
  rowHeading: string;
  series: ChartSeries[];
  rows: ChartRow[];
};

const count = new Intl.NumberFormat('nl-NL');
const percent = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** "12.345" or "4,2%"; an empty value is a dash (nothing to count, not zero). */
export function formatValue(value: number | null | undefined, unit: ChartSeries['unit']): string {
  if (value == null) return '–';
  return unit === 'percent' ? `${percent.format(value)}%` : count.format(value);
}

/**
 * The table's rows as CSV: counts without digit grouping, shares with a decimal comma, since the
 * semicolon file is read by a Dutch Excel.
 */
export function chartCsv(data: ChartData): string {
  return toCsv([
    [
      data.rowHeading,
      ...data.series.map((s) => (s.unit === 'percent' ? `${s.label} (%)` : s.label)),
    ],
    ...data.rows.map((row) => [
      row.label,
      ...data.series.map((s) => {
        const value = row.values[s.key];
        if (value == null) return '';
        return s.unit === 'percent' ? percent.format(value) : String(value);
      }),
    ]),
  ]);
}

/** A ratio as a share from 0 to 100, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}
