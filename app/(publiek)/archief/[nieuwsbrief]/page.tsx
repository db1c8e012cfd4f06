import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db';
import { archiveNewsletter } from '@/lib/archive/newsletters';
import { archiveListParams, listSentIssues } from '@/lib/archive/queries';
import { getConfig } from '@/lib/config';
import { ArchiveIssueList } from '../archive-issue-list';
import type { Search } from '../archive-view';

// One newsletter's sent issues (linked from /archief when there are several). Rendered per
// request: a plain query by newsletter, paged like the whole archive.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ nieuwsbrief: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const newsletter = archiveNewsletter(db(), (await params).nieuwsbrief);
  if (!newsletter) return { title: 'Niet gevonden' };
  const feed = `/archief/feed.xml?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`;
  return {
    title: `Archief van ${newsletter.name}`,
    description: newsletter.description || `Alle verzonden nummers van ${newsletter.name}.`,
    alternates: { types: { 'application/rss+xml': feed } },
  };
}

export default async function NewsletterArchivePage({ params, searchParams }: Props) {
  const newsletter = archiveNewsletter(db(), (await params).nieuwsbrief);
  if (!newsletter) notFound();
  const query = await searchParams;
  const { pagina } = archiveListParams.parse(query);
  const issues = listSentIssues(db(), { newsletterSlug: newsletter.slug, page: pagina ?? 1 });
  const feed = `${getConfig().publicUrl}/archief/feed.xml?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`;
  const base = `/archief/${encodeURIComponent(newsletter.slug)}`;
  return (
    <>
      <h1 className="text-3xl font-bold">Archief van {newsletter.name}</h1>
      {newsletter.description ? <p className="mt-2">{newsletter.description}</p> : null}
      <p className="mt-2 text-muted">
        Alle verzonden nummers van {newsletter.name}. Ook als RSS-feed:{' '}
        <a href={feed}>archief/feed.xml?nieuwsbrief={newsletter.slug}</a>.
      </p>
      <ArchiveIssueList
        issues={issues}
        query={pagina ? { pagina: String(pagina) } : {}}
        base={base}
      />
    </>
  );
}
