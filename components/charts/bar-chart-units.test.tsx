import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '@/lib/stats/chart-data';
import { BarChart } from './bar-chart';

// Clicks beside their share of the readers (lib/stats/issue-results-charts.ts): 40 clicks and a
// share of 25% are not on one scale, so each bar is measured against the largest of its unit.
const data: ChartData = {
  title: 'Klikken per item',
  rowHeading: 'Item',
  series: [
    { key: 'clicks', label: 'Klikken' },
    { key: 'share', label: 'Aandeel', unit: 'percent' },
  ],
  rows: [
    { label: 'Eerste', values: { clicks: 40, share: 25 } },
    { label: 'Tweede', values: { clicks: 10, share: 50 } },
  ],
};

describe('the bar chart with counts and shares', () => {
  it('gives the largest count and the largest share each the full width', () => {
    const html = renderToStaticMarkup(
      <BarChart data={data} orientation="horizontal" summary="-" id="t" />,
    );
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"[^>]*height="14"/g)].map((m) =>
      Number(m[1]),
    );
    const full = Math.max(...widths);
    // Row by row: clicks then share.
    expect(widths.map((w) => w / full)).toEqual([1, 0.5, 0.25, 1]);
  });
});
