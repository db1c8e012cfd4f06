import type { EmailItem } from '@/emails/blocks';
import type { IssueEmailProps } from '@/emails/issue';
import { itemKindLabels } from '@/lib/items/labels';
import { RichContent } from '@/components/rich-content';
import { EventFacts } from './event-facts';
import { WebImage } from '@/components/web-image';

/** One item as an article with its own anchor, the same anchor the e-mail links to. */
function Item({
  item,
  headingLevel,
  calendarBase,
}: {
  item: EmailItem;
  headingLevel: 2 | 3;
  calendarBase: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lead = headingLevel === 2;
  const beside = !lead && item.image?.placement === 'beside';
  const image = item.image ? (
    <WebImage
      image={item.image.placed}
      // The lead is at the top of the page; every other image waits until it is scrolled near.
      eager={lead}
      sizes={beside ? '(min-width: 640px) 12rem, 100vw' : '(min-width: 768px) 46rem, 100vw'}
      className={beside ? 'mb-3 w-full sm:float-left sm:mr-5 sm:mb-2 sm:w-48' : 'mb-4 w-full'}
    />
  ) : null;
  return (
    <article
      id={item.anchor}
      className="scroll-mt-4 border-t border-line py-5 after:clear-both after:table"
    >
      {image}
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">
        {itemKindLabels[item.kind]}
      </p>
      <Heading
        className={headingLevel === 2 ? 'mt-1 text-2xl font-bold' : 'mt-1 text-xl font-semibold'}
      >
        {item.title}
      </Heading>
      {item.event ? <EventFacts event={item.event} className="mt-2 text-sm" /> : null}
      <RichContent doc={item.teaser} />
      <p className="mt-2 flex flex-wrap gap-4">
        {item.url ? (
          <a href={item.url} className="font-semibold text-brand-700 underline">
            Lees meer<span className="sr-only">: {item.title}</span>
          </a>
        ) : null}
        {item.event ? (
          <a
            href={`${calendarBase}/${item.anchor.replace('item-', '')}`}
            className="font-semibold text-brand-700 underline"
          >
            Zet in agenda (.ics)<span className="sr-only">: {item.title}</span>
          </a>
        ) : null}
        {item.event?.registrationUrl ? (
          <a href={item.event.registrationUrl} className="font-semibold text-brand-700 underline">
            Aanmelden<span className="sr-only"> voor {item.title}</span>
          </a>
        ) : null}
      </p>
    </article>
  );
}

type ImageExtra = Extract<IssueEmailProps['extras'][number], { kind: 'image' }>;

/** An image block as a figure with its caption; a link makes the image a link. */
function ImageFigure({ block }: { block: ImageExtra }) {
  if (!block.image) return null;
  const picture = (
    <WebImage image={block.image} sizes="(min-width: 768px) 46rem, 100vw" className="w-full" />
  );
  return (
    <figure className="mt-6">
      {block.link ? <a href={block.link}>{picture}</a> : picture}
      {block.caption ? (
        <figcaption className="mt-2 text-sm text-muted">{block.caption}</figcaption>
      ) : null}
    </figure>
  );
}

/** The issue as a web page: semantic HTML (not the e-mail's tables), nothing personal. */
export function IssueArticle({
  content,
  calendarBase,
}: {
  content: Omit<IssueEmailProps, 'footer'> & {
    footer: Pick<NonNullable<IssueEmailProps['footer']>, 'text' | 'lines' | 'links'> | null;
  };
  calendarBase: string;
}) {
  return (
    <>
      {content.lead ? (
        <Item item={content.lead} headingLevel={2} calendarBase={calendarBase} />
      ) : null}
      {content.sections.map((section, i) => (
        <section key={section.name} aria-labelledby={`thema-${i}`} className="mt-6">
          <h2 id={`thema-${i}`} className="border-b-4 border-brand-600 pb-1 text-xl font-bold">
            {section.name}
          </h2>
          {section.items.map((item) => (
            <Item key={item.anchor} item={item} headingLevel={3} calendarBase={calendarBase} />
          ))}
        </section>
      ))}
      {content.extras.map((block, i) =>
        block.kind === 'image' ? (
          <ImageFigure key={i} block={block} />
        ) : (
          <section key={i} className="mt-6 rounded-md bg-brand-50 p-5">
            <h2 className="text-xl font-bold">{block.title}</h2>
            {block.kind === 'text' ? (
              <RichContent doc={block.body} />
            ) : block.body ? (
              <p className="mt-2">{block.body}</p>
            ) : null}
            {block.kind === 'cta' ? (
              <p className="mt-3">
                <a
                  href={block.buttonUrl}
                  className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
                >
                  {block.buttonLabel}
                </a>
              </p>
            ) : null}
          </section>
        ),
      )}
    </>
  );
}
