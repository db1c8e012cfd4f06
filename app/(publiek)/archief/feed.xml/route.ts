import { db } from '@/db';
import { archiveNewsletter } from '@/lib/archive/newsletters';
import { archiveFilters, archiveListParams, listSentIssues } from '@/lib/archive/queries';
import { rssFeed } from '@/lib/archive/feed';
import { getConfig } from '@/lib/config';
import { plainText } from '@/lib/http/responses';

export const dynamic = 'force-dynamic';

const notFound = (message: string) => plainText(message, 404);

/**
 * The archive as RSS 2.0, newest 20 issues; `?thema=<id>` for one theme, `?nieuwsbrief=<slug>`
 * for one newsletter.
 */
export function GET(request: Request) {
  const { publicUrl } = getConfig();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { thema } = archiveListParams.parse(query);
  const theme = thema ? archiveFilters(db()).themes.find((t) => t.id === thema) : undefined;
  if (thema && !theme)
    return notFound('Dit thema bestaat niet of heeft nog geen verzonden nummers.');
  const slug = typeof query.nieuwsbrief === 'string' ? query.nieuwsbrief : '';
  const newsletter = slug ? archiveNewsletter(db(), slug) : undefined;
  if (slug && !newsletter)
    return notFound('Deze nieuwsbrief bestaat niet of heeft nog geen verzonden nummers.');
  const { issues } = listSentIssues(db(), {
    themeId: theme?.id,
    newsletterSlug: newsletter?.slug,
  });
  const self = new URLSearchParams();
  if (theme) self.set('thema', String(theme.id));
  if (newsletter) self.set('nieuwsbrief', newsletter.slug);
  const title = newsletter ? `Archief van ${newsletter.name}` : 'Nieuwsbrief-archief';
  const body = rssFeed(issues, {
    publicUrl,
    title: theme ? `${title}: ${theme.name}` : title,
    description: theme
      ? `Verzonden nummers met het thema ${theme.name}`
      : newsletter
        ? `Alle verzonden nummers van ${newsletter.name}`
        : 'Alle verzonden nummers',
    selfUrl: `${publicUrl}/archief/feed.xml${self.size ? `?${self}` : ''}`,
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}
