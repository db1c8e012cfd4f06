import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db';
import { heightAt } from '@/emails/image';
import { archivedIssueParams } from '@/lib/archive/params';
import { sentIssue } from '@/lib/archive/queries';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { IssueArticle } from './issue-article';

// Rendered on the first request, then served from Next's cache until a send or a correction
// revalidates it (lib/archive/revalidate.ts, the correction action). None at build time: the
// build has no database.
export const revalidate = false;
export function generateStaticParams(): { nieuwsbrief: string; nummer: string }[] {
  return [];
}

type Params = { params: Promise<{ nieuwsbrief: string; nummer: string }> };

// Only sent issues exist here: any other slug, a draft's included, is a plain 404.
const load = async ({ params }: Params) => {
  const parsed = archivedIssueParams.safeParse(await params);
  if (!parsed.success) return null;
  const { nieuwsbrief, nummer } = parsed.data;
  return sentIssue(db(), nieuwsbrief, nummer, getConfig().publicUrl);
};

export async function generateMetadata(props: Params): Promise<Metadata> {
  const issue = await load(props);
  if (!issue) return { title: 'Pagina niet gevonden' };
  const title = `${issue.content.subject} | ${issue.newsletter.name}`;
  const description =
    issue.content.preheader || `${issue.newsletter.name} van ${issue.newsletter.organisation}`;
  // Link previews want JPEG or PNG at 1200 px: the mail's widest version of the lead's image.
  const picture = issue.content.lead?.image?.placed;
  const preview = picture?.mail.at(-1);
  const images =
    picture && preview
      ? [
          {
            url: preview.src,
            width: preview.width,
            height: heightAt(picture, preview.width),
            alt: picture.alt,
          },
        ]
      : undefined;
  return {
    title,
    description,
    alternates: {
      canonical: issue.url,
      types: { 'application/rss+xml': `${getConfig().publicUrl}/archief/feed.xml` },
    },
    openGraph: {
      type: 'article',
      title: issue.content.subject,
      description,
      url: issue.url,
      siteName: issue.newsletter.name,
      publishedTime: issue.sentAt.toISOString(),
      locale: 'nl_NL',
      images,
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: issue.content.subject,
      description,
      images,
    },
  };
}

export default async function ArchivedIssuePage(props: Params) {
  const issue = await load(props);
  if (!issue) notFound();
  const { content, newsletter } = issue;
  return (
    <>
      <p className="text-sm">
        <Link href="/archief">Archief</Link> › {newsletter.name}
      </p>
      <header className="mt-4">
        <p className="font-semibold text-brand-700">
          {newsletter.name} · {newsletter.organisation}
        </p>
        <h1 className="mt-1 text-3xl font-bold">{content.subject}</h1>
        <p className="mt-2 text-muted">
          Verzonden op <time dateTime={issue.sentAt.toISOString()}>{formatDate(issue.sentAt)}</time>
        </p>
        {issue.correctedAt ? (
          <p className="mt-2 border-l-4 border-brand-600 pl-3 text-sm">
            <strong>
              Gecorrigeerd op{' '}
              <time dateTime={issue.correctedAt.toISOString()}>
                {formatDate(issue.correctedAt)}
              </time>
            </strong>
            {issue.correctionNote ? `: ${issue.correctionNote}` : null}
          </p>
        ) : null}
        {content.preheader ? <p className="mt-3 text-lg">{content.preheader}</p> : null}
      </header>
      <div className="mt-6">
        <IssueArticle
          content={content}
          calendarBase={`/archief/${newsletter.slug}/${issue.slug}/agenda`}
        />
      </div>
      <aside aria-labelledby="abonneren" className="mt-10 rounded-md border-2 border-brand-600 p-5">
        <h2 id="abonneren" className="text-lg font-bold">
          Ook {newsletter.name} ontvangen?
        </h2>
        <p className="mt-1">Kies zelf de thema&apos;s die u wilt volgen. Afmelden kan altijd.</p>
        <p className="mt-3">
          <Link
            href={`/aanmelden/${encodeURIComponent(newsletter.slug)}`}
            className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
          >
            Aanmelden voor {newsletter.name}
          </Link>
        </p>
      </aside>
      {content.footer ? <ArchiveFooter footer={content.footer} /> : null}
    </>
  );
}

/** The newsletter's footer as in the mail: its own links, contact line, address and text. */
function ArchiveFooter({
  footer,
}: {
  footer: { text: string; lines: string[]; links: { label: string; href: string }[] };
}) {
  return (
    <footer className="mt-8 space-y-1 text-sm text-muted">
      {footer.links.length ? (
        <ul className="flex flex-wrap gap-x-4">
          {footer.links.map((link) => (
            <li key={link.href}>
              <a href={link.href} className="text-brand-700 underline">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {footer.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {footer.text ? <p>{footer.text}</p> : null}
    </footer>
  );
}
