import { formatValue, type ChartData, type ChartSeries } from '@/lib/stats/chart-data';

// Server-rendered SVG: no script, prints as sharp as the text around it. Okabe-Ito colours (told
// apart with every kind of colour blindness), each at least 3:1 against white, and a legend in
// words; the table beside every chart carries the same numbers for anyone who cannot see it.
export const CHART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#595959'];

const WIDTH = 720;

type Props = {
  data: ChartData;
  /** Horizontal bars for named things (items, issues); columns for a time line (weeks). */
  orientation: 'horizontal' | 'vertical';
  /** One sentence for the text alternative, e.g. the highest value; the table has all of them. */
  summary: string;
  id: string;
};

/** The largest value, of the series in one unit when given (counts and shares apart). */
function maxOf(data: ChartData, unit?: ChartSeries['unit']): number {
  let max = 0;
  for (const row of data.rows)
    for (const s of data.series)
      if (unit === undefined || (s.unit ?? 'count') === unit)
        max = Math.max(max, row.values[s.key] ?? 0);
  return max || 1;
}

function Legend({ data }: { data: ChartData }) {
  if (data.series.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
      {data.series.map((s, i) => (
        <li key={s.key} className="flex items-center gap-1.5">
          {/* A drawn square, not a background colour: browsers leave backgrounds out in print. */}
          <svg viewBox="0 0 12 12" className="size-3">
            <rect width="12" height="12" rx="2" fill={CHART_COLOURS[i % CHART_COLOURS.length]} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function horizontalBars({ data }: { data: ChartData }) {
  // A figure may show counts beside shares (clicks and their share of recipients): each bar is
  // measured against its own unit, and its value is written beside it.
  const max = { count: maxOf(data, 'count'), percent: maxOf(data, 'percent') };
  const labelWidth = 260;
  const barArea = WIDTH - labelWidth - 70;
  const barHeight = 14;
  const rowHeight = data.series.length * (barHeight + 2) + 12;
  const height = Math.max(rowHeight * data.rows.length, 20);
  return {
    height,
    body: (
      <>
        {data.rows.map((row, r) => (
          <g key={`${row.label}-${r}`} transform={`translate(0 ${r * rowHeight})`}>
            <text
              x={labelWidth - 8}
              y={rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="13"
              fill="#1f2937"
            >
              {/* About 7.5 units a character at 13: longer labels end in an ellipsis (the table has them whole). */}
              {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
            </text>
            {data.series.map((s, i) => {
              const value = row.values[s.key] ?? 0;
              const y = 6 + i * (barHeight + 2);
              const w = (value / max[s.unit ?? 'count']) * barArea;
              return (
                <g key={s.key}>
                  <rect
                    x={labelWidth}
                    y={y}
                    width={Math.max(w, value > 0 ? 2 : 0)}
                    height={barHeight}
                    fill={CHART_COLOURS[i % CHART_COLOURS.length]}
                  />
                  <text
                    x={labelWidth + w + 6}
                    y={y + barHeight / 2}
                    dominantBaseline="middle"
                    fontSize="12"
                    fill="#1f2937"
                  >
                    {formatValue(row.values[s.key], s.unit)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </>
    ),
  };
}

function verticalColumns({ data }: { data: ChartData }) {
  // An even top of the scale, at least 2: the middle line then falls on a whole count (a top
  // of 1 or 3 labelled its middle line with a rounded, wrong number).
  const max = Math.max(2, Math.ceil(maxOf(data) / 2) * 2);
  const height = 220;
  const top = 16;
  const bottom = 36;
  const left = 44;
  const plot = height - top - bottom;
  const slot = (WIDTH - left) / Math.max(data.rows.length, 1);
  const bar = Math.max(Math.min((slot - 4) / data.series.length, 24), 1);
  // About eight labels along the axis, whatever the number of weeks.
  const every = Math.max(1, Math.ceil(data.rows.length / 8));
  return {
    height,
    body: (
      <>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={left}
              x2={WIDTH}
              y1={top + plot * (1 - f)}
              y2={top + plot * (1 - f)}
              stroke="#d1d5db"
            />
            <text
              x={left - 6}
              y={top + plot * (1 - f)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="11"
              fill="#374151"
            >
              {formatValue(Math.round(max * f), 'count')}
            </text>
          </g>
        ))}
        {data.rows.map((row, r) => (
          <g key={`${row.label}-${r}`} transform={`translate(${left + r * slot} 0)`}>
            {data.series.map((s, i) => {
              const value = row.values[s.key] ?? 0;
              const h = (value / max) * plot;
              return (
                <rect
                  key={s.key}
                  x={2 + i * bar}
                  y={top + plot - h}
                  width={bar - 1}
                  height={h}
                  fill={CHART_COLOURS[i % CHART_COLOURS.length]}
                />
              );
            })}
            {r % every === 0 ? (
              <text
                x={slot / 2}
                y={height - bottom + 16}
                textAnchor="middle"
                fontSize="11"
                fill="#374151"
              >
                {row.label}
              </text>
            ) : null}
          </g>
        ))}
      </>
    ),
  };
}

/** The chart as one image with a title and a summary as its text alternative. */
export function BarChart({ data, orientation, summary, id }: Props) {
  const { height, body } =
    orientation === 'horizontal' ? horizontalBars({ data }) : verticalColumns({ data });
  return (
    <div className="break-inside-avoid">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-chart={id}
      >
        <title id={`${id}-title`}>{data.title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {body}
      </svg>
      <Legend data={data} />
    </div>
  );
}
