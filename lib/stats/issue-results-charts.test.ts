import { beforeEach, describe, expect, it } from 'vitest';
import { chartCsv } from './chart-data';
import { issueResults } from './issue-results';
import { issueResultFigures, resultFigureIds } from './issue-results-charts';
import { ISSUE, database, resultsFixture } from './issue-results-fixture';

beforeEach(resultsFixture);

describe('issueResultFigures', () => {
  it('makes one ChartData per figure, with the same numbers as the results', () => {
    const figures = issueResultFigures(issueResults(database, ISSUE)!);
    // No opens figure while opens are off.
    expect(figures.map((f) => f.id)).toEqual(resultFigureIds.filter((id) => id !== 'openingen'));
    const items = figures.find((f) => f.id === 'items')!;
    expect(items.data.rows.map((r) => r.values)).toEqual([
      { clicks: 4, automated: 1, share: (4 / 7) * 100 },
      { clicks: 3, automated: 2, share: 60 },
      { clicks: 0, automated: 5, share: 0 },
    ]);
    expect(items.summary).toMatch(/^Meest geklikt: Webinar: de begroting .* \(4 klikken\)\.$/);
    expect(chartCsv(figures.find((f) => f.id === 'bezorging')!.data)).toBe(
      [
        '\ufeffBezorging;Kopieën',
        'Ontvangers;10',
        'Afgeleverd;7',
        'Mislukt;1',
        'Overgeslagen;1',
        'Nog te verzenden;1',
      ].join('\r\n') + '\r\n',
    );
    const shares = figures.find((f) => f.id === 'vergelijking-aandelen')!.data.rows.at(-1)!;
    expect(shares.values).toEqual({ bounceRate: (2 / 7) * 100, clickShare: 200 });
  });
});
