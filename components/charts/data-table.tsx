import { formatValue, type ChartData } from '@/lib/stats/chart-data';

/** The numbers of a chart as a table: what a screen reader reads, and what prints exactly. */
export function DataTable({ data, id }: { data: ChartData; id: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-table={id}>
        <caption className="sr-only">{data.title}</caption>
        <thead>
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
