import { issueHeading } from '@/lib/newsletters/title';
import type { listSentIssues } from '@/lib/archive/queries';
import { formatDate } from '@/lib/format';
import { Pager } from './archive-pager';
import type { Search } from './archive-view';

export function ArchiveIssueList({
  issues,
  query,
  base,
}: {
  issues: ReturnType<typeof listSentIssues>;
  query: Search;
  base?: string;
}) {
  return (
    <section aria-labelledby="nummers" className="mt-8">
      <h2 id="nummers" className="text-xl font-bold">
        {issues.total === 0
          ? 'Geen nummers gevonden'
          : `${issues.total} ${issues.total === 1 ? 'nummer' : 'nummers'}`}
      </h2>
      <ol className="mt-4 space-y-5">
        {issues.issues.map((i) => (
          <li key={i.id} className="border-b border-line pb-4">
            {/* A plain link, not next/link: the archive counts a view when the page is loaded
                (lib/archive/reach-request.ts), and the router's prefetch of a static page
                would show it without ever asking the server. */}
            <a
              href={`/archief/${i.newsletterSlug}/${i.slug}`}
              className="text-lg font-semibold text-brand-700 underline"
            >
              {issueHeading(i.title, i.subject)}
            </a>
            <p className="text-sm text-muted">
              <time dateTime={i.sentAt.toISOString()}>{formatDate(i.sentAt)}</time>
              {i.themes.length ? ` · ${i.themes.join(', ')}` : ''}
            </p>
            {i.preheader ? <p className="mt-1">{i.preheader}</p> : null}
          </li>
        ))}
      </ol>
      <Pager query={query} page={issues.page} pages={issues.pages} base={base} />
    </section>
  );
}
