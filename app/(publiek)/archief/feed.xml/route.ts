import { db } from '@/db';
import { archiveFilters, archiveListParams, listSentIssues } from '@/lib/archive/queries';
import { rssFeed } from '@/lib/archive/feed';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** The archive as RSS 2.0, newest 20 issues; `?thema=<id>` for one theme. */
export function GET(request: Request) {
  const { publicUrl } = getConfig();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { thema } = archiveListParams.parse(query);
  const theme = thema ? archiveFilters(db()).themes.find((t) => t.id === thema) : undefined;
  if (thema && !theme)
    return new Response('Dit thema bestaat niet of heeft nog geen verzonden nummers.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const { issues } = listSentIssues(db(), { themeId: theme?.id });
  const body = rssFeed(issues, {
    publicUrl,
    title: theme ? `Nieuwsbrief-archief: ${theme.name}` : 'Nieuwsbrief-archief',
    description: theme ? `Verzonden nummers met het thema ${theme.name}` : 'Alle verzonden nummers',
    selfUrl: `${publicUrl}/archief/feed.xml${theme ? `?thema=${theme.id}` : ''}`,
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}
