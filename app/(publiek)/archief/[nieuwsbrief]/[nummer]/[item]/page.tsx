import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RichContent } from '@/components/rich-content';
import { WebImage } from '@/components/web-image';
import { db } from '@/db';
import { heightAt } from '@/emails/image';
import { sentArticle } from '@/lib/archive/article';
import { articleUrl } from '@/lib/email/render';
import { archivedItemParams } from '@/lib/archive/params';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { itemKindLabels } from '@/lib/items/labels';
import { toSearchText } from '@/lib/richtext/plain';
import { EventFacts } from '../event-facts';

// As the issue's page: rendered on the first request, then cached until a send or correction.
export const revalidate = false;
export function generateStaticParams(): { nieuwsbrief: string; nummer: string; item: string }[] {
  return [];
}

type Params = { params: Promise<{ nieuwsbrief: string; nummer: string; item: string }> };

const load = async ({ params }: Params) => {
  const parsed = archivedItemParams.safeParse(await params);
  if (!parsed.success) return null;
  const { nieuwsbrief, nummer, item } = parsed.data;
  return sentArticle(db(), nieuwsbrief, nummer, item, getConfig().publicUrl);
};

export async function generateMetadata(props: Params): Promise<Metadata> {
  const article = await load(props);
  if (!article) return { title: 'Pagina niet gevonden' };
  const { issue, item } = article;
  const url = articleUrl(issue.url, Number(item.anchor.replace('item-', '')));
  const description = toSearchText(item.teaser) || `Uit ${issue.content.subject}`;
  const picture = item.image?.placed;
  const preview = picture?.mail.at(-1);
  const images =
    picture && preview
      ? [{ url: preview.src, width: preview.width, height: heightAt(picture, preview.width) }]
      : undefined;
  return {
    title: `${item.title} | ${issue.newsletter.name}`,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: item.title,
      description,
      url,
      siteName: issue.newsletter.name,
      publishedTime: issue.sentAt.toISOString(),
      locale: 'nl_NL',
      images,
    },
    twitter: { card: images ? 'summary_large_image' : 'summary', title: item.title, images },
  };
}

export default async function ArticlePage(props: Params) {
  const article = await load(props);
  if (!article) notFound();
  const { issue, item, body, themeName } = article;
  const issuePath = `/archief/${issue.newsletter.slug}/${issue.slug}`;
  const itemId = item.anchor.replace('item-', '');
  return (
    <article>
      <p className="text-sm">
        <Link href="/archief">Archief</Link> › {issue.newsletter.name} ›{' '}
        {/* Plain links to the issue: a view counts as the page loads (archive-issue-list.tsx). */}
        <a href={issuePath}>{issue.content.subject}</a>
      </p>
      <header className="mt-4">
        <p className="font-semibold text-brand-700">
          {[themeName, itemKindLabels[item.kind]].filter(Boolean).join(' · ')}
        </p>
        <h1 className="mt-1 text-3xl font-bold">{item.title}</h1>
        <p className="mt-2 text-muted">
          Uit {issue.content.subject}, verzonden op{' '}
          <time dateTime={issue.sentAt.toISOString()}>{formatDate(issue.sentAt)}</time>
        </p>
      </header>
      {item.image ? (
        <WebImage
          image={item.image.placed}
          eager
          sizes="(min-width: 768px) 46rem, 100vw"
          className="mt-6 w-full"
        />
      ) : null}
      {item.event ? (
        <div className="mt-6 rounded-md bg-brand-50 p-4">
          <EventFacts event={item.event} />
          <p className="mt-2 flex flex-wrap gap-4">
            <a
              href={`${issuePath}/agenda/${itemId}`}
              className="font-semibold text-brand-700 underline"
            >
              Zet in agenda (.ics)
            </a>
            {item.event.registrationUrl ? (
              <a
                href={item.event.registrationUrl}
                className="font-semibold text-brand-700 underline"
              >
                Aanmelden
              </a>
            ) : null}
          </p>
        </div>
      ) : null}
      <div className="mt-6 text-lg font-semibold">
        <RichContent doc={item.teaser} />
      </div>
      <div className="mt-4">
        <RichContent doc={body} />
      </div>
      <p className="mt-8">
        <a href={`${issuePath}#${item.anchor}`} className="font-semibold">
          Terug naar {issue.content.subject}
        </a>
      </p>
    </article>
  );
}
