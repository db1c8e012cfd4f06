import { db } from '@/db';
import { routeEditor } from '@/lib/auth/refusal';
import { plainText } from '@/lib/http/responses';
import { listNewsletters } from '@/lib/newsletters/queries';
import { chartCsv } from '@/lib/stats/chart-data';
import { overTime } from '@/lib/stats/over-time';
import { overTimeFigure } from '@/lib/stats/over-time-charts';
import { csvQuery, periodOf } from '@/lib/stats/over-time-query';
import { quarterParam } from '@/lib/stats/over-time-period';

// One figure of the statistics page as CSV: the same ChartData as its chart and table. Counts
// only, no reader in them, so every editor who may see the page may download them.

export async function GET(request: Request) {
  const auth = await routeEditor({
    name: 'statistieken downloaden',
    role: 'redacteur',
    returnTo: '/redactie/statistieken',
    refusal: 'U heeft geen rechten om statistieken te downloaden.',
  });
  if (!auth.ok) return auth.response;
  const parsed = csvQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return plainText(parsed.error.issues[0]!.message, 400);
  const { nieuwsbrief, figuur, period } = parsed.data;
  const newsletter = listNewsletters({ includeArchived: true }).find((n) => n.slug === nieuwsbrief);
  if (!newsletter) return plainText('Onbekende nieuwsbrief.', 404);
  const { data } = overTimeFigure(figuur, overTime(db(), newsletter.id, periodOf(period)));
  const suffix =
    'kwartaal' in period ? `kwartaal-${quarterParam(period.kwartaal)}` : `${period.weken}-weken`;
  return new Response(chartCsv(data), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${newsletter.slug}-${figuur}-${suffix}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
