import type { ChartData } from '@/lib/stats/chart-data';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';

type Props = {
  id: string;
  data: ChartData;
  orientation: 'horizontal' | 'vertical';
  summary: string;
  /** Where the same numbers download as CSV; none on the printed report. */
  csvHref?: string;
  /** A line under the heading, e.g. that click counts are estimates. */
  note?: string;
};

/** A chart, the same numbers as a table, and a CSV download: one figure on a statistics page. */
export function ChartFigure({ id, data, orientation, summary, csvHref, note }: Props) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="break-inside-avoid space-y-3"
      data-figure={id}
    >
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {data.title}
      </h3>
      {note ? <p className="text-sm text-gray-700">{note}</p> : null}
      {data.rows.length === 0 ? (
        <p className="text-sm text-gray-700">Nog geen gegevens.</p>
      ) : (
        <>
          <BarChart data={data} orientation={orientation} summary={summary} id={id} />
          <DataTable data={data} id={id} />
        </>
      )}
      {csvHref && data.rows.length > 0 ? (
        <p className="print:hidden">
          <a href={csvHref} className="text-sm underline" download>
            {data.title} downloaden als CSV
          </a>
        </p>
      ) : null}
    </section>
  );
}
