import { formatValue, type ChartData } from '@/lib/stats/chart-data';

const LONG = 12;

/** The numbers of a chart as a table: what a screen reader reads, and what prints exactly. */
export function DataTable({ data, id }: { data: ChartData; id: string }) {
  // Half a year of weeks is 26 rows: on screen a long table scrolls in its own box (reachable by
  // keyboard, its head kept in view), so the next figure is not pages away; on paper it is whole.
  const long = data.rows.length > LONG;
  return (
    <div
      className={`max-w-4xl overflow-x-auto ${long ? 'max-h-96 overflow-y-auto rounded border border-gray-200 focus-visible:outline-2 print:max-h-none print:overflow-visible print:border-0' : ''}`}
      {...(long ? { tabIndex: 0, role: 'region', 'aria-label': `${data.title}, tabel` } : {})}
    >
      <table className="min-w-full text-left text-sm" data-table={id}>
        <caption className="sr-only">{data.title}</caption>
        <thead className={long ? 'sticky top-0 bg-white' : undefined}>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              {data.rowHeading}
            </th>
            {data.series.map((s) => (
              <th key={s.key} scope="col" className="py-1.5 pr-4 text-right font-semibold">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => (
            <tr key={`${row.label}-${r}`} className="border-b border-gray-200">
              <th scope="row" className="py-1.5 pr-4 font-normal">
                {row.label}
              </th>
              {data.series.map((s) => (
                <td key={s.key} className="py-1.5 pr-4 text-right tabular-nums" data-series={s.key}>
                  {formatValue(row.values[s.key], s.unit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
