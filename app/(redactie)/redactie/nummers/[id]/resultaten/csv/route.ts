import { routeEditor } from '@/lib/auth/refusal';
import { plainText } from '@/lib/http/responses';
import { slugify } from '@/lib/slug';
import { chartCsv } from '@/lib/stats/chart-data';
import { issueResultFigures, resultFigureIds } from '@/lib/stats/issue-results-charts';
import { z } from '@/lib/validation';
import { resultsPath, sentIssueResults } from '../sent-issue-results';

// One figure of an issue's results as CSV (?figuur=<id>): the same ChartData as its chart and
// table. Counts only, no reader in them, so every editor who may see the page may download them.

const query = z.object({
  figuur: z.enum(resultFigureIds, {
    error: 'Onbekende figuur. Kies een van de CSV-links op de pagina Resultaten.',
  }),
});

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const auth = await routeEditor({
    name: 'resultaten downloaden',
    role: 'redacteur',
    returnTo: resultsPath(encodeURIComponent(id)),
    refusal: 'U heeft geen rechten om de resultaten van dit nummer te downloaden.',
  });
  if (!auth.ok) return auth.response;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return plainText(parsed.error.issues[0]!.message, 400);
  const results = sentIssueResults(id);
  if (!results) return plainText('Dit nummer bestaat niet of is nog niet verzonden.', 404);
  const { figuur } = parsed.data;
  const figure = issueResultFigures(results).find((f) => f.id === figuur);
  if (!figure)
    return plainText('Openingen worden voor deze nieuwsbrief niet geteld: er is geen CSV.', 400);
  const name = `${slugify(results.issue.title, 60) || `nummer-${results.issue.id}`}-${figuur}`;
  return new Response(chartCsv(figure.data), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
