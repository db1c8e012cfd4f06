import fs from 'node:fs';
import { expect, test, type Locator } from './support/test';
import { expectAccessible } from './support/axe';
import { hydrated, signIn } from './support/session';

// A4 at 96 px per inch, less the report's 15 mm margins: the box a printed figure must fit in.
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 30) * MM);
const PRINT_HEIGHT = Math.floor((297 - 30) * MM);

/** A table's body as text rows: the row heading, then each cell as shown. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())),
    );
}

test('an editor reads the statistics, downloads a figure as CSV and prints the quarterly report on A4', async ({
  page,
}, testInfo) => {
  await signIn(page, 'redacteur@kopij.test');
  await page
    .getByRole('navigation', { name: 'Redactie' })
    .getByRole('link', { name: 'Statistieken' })
    .click();
  await expect(page.getByRole('heading', { name: 'Statistieken', level: 1 })).toBeVisible();
  await expect(page.getByText('niemands leesgedrag wordt vastgelegd')).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);

  // The chart has a text alternative; its table and its CSV carry the same numbers.
  const figure = page.locator('[data-figure="figuur-verloop"]');
  const title = 'Aanmeldingen en afmeldingen per week';
  // The SVG is named by its title and summary (aria-labelledby on both).
  await expect(figure.getByRole('img', { name: title })).toHaveAccessibleName(
    /^Aanmeldingen en afmeldingen per week Opgeteld over 26 weken: aanmeldingen \d+, bevestigd \d+, afmeldingen \d+\.$/,
  );
  const rows = await tableRows(figure.getByRole('table', { name: title }));
  expect(rows).toHaveLength(26);
  // The demo readers confirmed 150 to 200 days ago: the first weeks of the half year have some.
  expect(rows.some((row) => Number(row[1]) > 0)).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('link', { name: `${title} downloaden als CSV` }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\ufeffWeek;Aanmeldingen;Bevestigd;Afmeldingen\r\n')).toBe(true);
  const csvRows = csv.slice(1).trimEnd().split('\r\n').slice(1);
  // Counts under a thousand: the table's Dutch digit grouping does not come into it.
  expect(csvRows).toEqual(rows.map((row) => row.join(';')));

  // The quarterly report: the same figures on paper.
  await page.getByRole('link', { name: 'Kwartaalrapport' }).click();
  await expect(
    page.getByRole('heading', { name: /^Kwartaalrapport .*kwartaal \d{4}$/ }),
  ).toBeVisible();
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Redactie' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeHidden();
  const figures = await page.locator('[data-figure]').evaluateAll((sections) =>
    sections.map((section) => ({
      id: section.getAttribute('data-figure'),
      breakInside: getComputedStyle(section).breakInside,
      height: section.getBoundingClientRect().height,
      svgFits: [...section.querySelectorAll('svg')].every(
        (svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth,
      ),
    })),
  );
  expect(figures.map((f) => f.id)).toEqual([
    'figuur-abonnees',
    'figuur-verloop',
    'figuur-bounces',
    'figuur-themas',
    'figuur-functies',
    'figuur-bereik',
    'figuur-archief',
  ]);
  // A figure that keeps together and is shorter than the page is never cut by a page break.
  for (const f of figures) {
    expect(f, f.id!).toMatchObject({ breakInside: 'avoid', svgFits: true });
    expect(f.height, f.id!).toBeLessThan(PRINT_HEIGHT);
  }

  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(testInfo.outputPath('kwartaalrapport.pdf'), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(8);
});
