import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '@/lib/stats/chart-data';
import { BarChart } from './bar-chart';

const weeks = (values: number[]): ChartData => ({
  title: 'Aanmeldingen per week',
  rowHeading: 'Week',
  series: [
    { key: 'a', label: 'Aanmeldingen' },
    { key: 'b', label: 'Afmeldingen' },
  ],
  rows: values.map((a, i) => ({ label: `wk ${i + 1} 2026`, values: { a, b: 0 } })),
});

/** The labels on the value axis, bottom to top (the texts right-aligned left of the plot). */
function axisLabels(data: ChartData): string[] {
  const html = renderToStaticMarkup(
    <BarChart data={data} orientation="vertical" summary="-" id="t" />,
  );
  return [...html.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('the column chart', () => {
  it('labels each grid line with the count it stands for', () => {
    // A top of 3 put its middle line at 1.5 and called it 2; a top of 0 or 1 said "1" twice.
    expect(axisLabels(weeks([3, 1]))).toEqual(['0', '2', '4']);
    expect(axisLabels(weeks([0, 0]))).toEqual(['0', '1', '2']);
    expect(axisLabels(weeks([1, 0]))).toEqual(['0', '1', '2']);
    expect(axisLabels(weeks([10, 4]))).toEqual(['0', '5', '10']);
  });

  it('draws the legend’s colours, which print, instead of background colours, which do not', () => {
    const html = renderToStaticMarkup(
      <BarChart data={weeks([1])} orientation="vertical" summary="-" id="t" />,
    );
    expect(html).not.toContain('background-color');
    expect(html.match(/<li[^>]*><svg[^>]*><rect[^>]*fill="#[0-9A-F]{6}"/g)).toHaveLength(2);
  });
});
