import { Column, Heading, Link, Row, Section, Text } from 'react-email';
import type { ImagePlacement } from '@/lib/enums';
import type { RichDoc } from '@/lib/richtext/doc';
import { RichText } from '@/lib/richtext/render';
import { EmailButton } from './button';
import { EmailImage, IMAGE_WIDTHS, type PlacedImage } from './image';
import { heading, label, link, richTextStyles, small, text, theme } from './theme';

export type EmailItem = {
  kind: 'news' | 'event' | 'publication' | 'podcast';
  title: string;
  teaser: RichDoc;
  url: string | null;
  anchor: string;
  event?: { when: string; where: string; registrationUrl: string | null };
  image?: { placed: PlacedImage; placement: ImagePlacement };
};

const kindLabel = {
  news: null,
  event: 'Evenement',
  publication: 'Publicatie',
  podcast: 'Podcast',
} as const;

/** "Lees meer" alone says nothing to a screen reader listing links: the title goes with it. */
function ReadMore({ item, color }: { item: EmailItem; color: string }) {
  if (!item.url) return null;
  return (
    <Text style={text}>
      <Link href={item.url} style={link(color)} aria-label={`Lees meer over ${item.title}`}>
        Lees meer
      </Link>
    </Text>
  );
}

export function LeadItem({ item, color }: { item: EmailItem; color: string }) {
  return (
    <Section style={{ padding: '24px 32px', backgroundColor: theme.soft }}>
      {item.image ? (
        <EmailImage
          image={item.image.placed}
          width={IMAGE_WIDTHS.full}
          style={{ margin: '0 0 16px' }}
        />
      ) : null}
      <Heading as="h1" style={{ ...heading(color), fontSize: '26px', lineHeight: '32px' }}>
        {item.title}
      </Heading>
      {item.event ? <EventFacts event={item.event} color={color} /> : null}
      <RichText doc={item.teaser} styles={richTextStyles(color)} />
      <ReadMore item={item} color={color} />
    </Section>
  );
}

export function SectionHeading({ name, color }: { name: string; color: string }) {
  return (
    <Section style={{ padding: '24px 32px 0', backgroundColor: theme.paper }}>
      <Heading
        as="h2"
        style={{
          ...heading(color),
          fontSize: '22px',
          borderBottom: `3px solid ${color}`,
          paddingBottom: '6px',
        }}
      >
        {name}
      </Heading>
    </Section>
  );
}

function EventFacts({ event, color }: { event: NonNullable<EmailItem['event']>; color: string }) {
  return (
    <>
      <Text style={{ ...text, margin: '0 0 4px' }}>
        <strong>Wanneer:</strong> {event.when}
      </Text>
      {event.where ? (
        <Text style={{ ...text, margin: '0 0 12px' }}>
          <strong>Waar:</strong> {event.where}
        </Text>
      ) : null}
      {event.registrationUrl ? (
        <EmailButton href={event.registrationUrl} label="Aanmelden" color={color} />
      ) : null}
    </>
  );
}

/** A news item, publication or podcast episode, or an event with its facts and a registration button. */
export function ThemedItem({
  item,
  themeName,
  color,
}: {
  item: EmailItem;
  themeName: string;
  color: string;
}) {
  const kind = kindLabel[item.kind];
  const body = (
    <>
      <Text style={{ ...label, color }}>{kind ? `${themeName} · ${kind}` : themeName}</Text>
      <Heading as="h3" style={heading(theme.text)}>
        <a id={item.anchor} style={{ color: theme.text, textDecoration: 'none' }}>
          {item.title}
        </a>
      </Heading>
      {item.event ? <EventFacts event={item.event} color={color} /> : null}
      <RichText doc={item.teaser} styles={richTextStyles(color)} />
      <ReadMore item={item} color={color} />
    </>
  );
  const image = item.image;
  return (
    <Section style={{ padding: '16px 32px 4px', backgroundColor: theme.paper }}>
      {image?.placement === 'beside' ? (
        // Two table cells: every mail client keeps them side by side, down to a phone's width.
        <Row>
          <Column
            style={{
              width: `${IMAGE_WIDTHS.thumbnail}px`,
              verticalAlign: 'top',
              paddingTop: '4px',
            }}
          >
            <EmailImage image={image.placed} width={IMAGE_WIDTHS.thumbnail} fluid={false} />
          </Column>
          <Column style={{ verticalAlign: 'top', paddingLeft: '16px' }}>{body}</Column>
        </Row>
      ) : (
        <>
          {image ? (
            <EmailImage
              image={image.placed}
              width={IMAGE_WIDTHS.full}
              style={{ margin: '0 0 12px' }}
            />
          ) : null}
          {body}
        </>
      )}
    </Section>
  );
}

/** A text block: a heading and rich text, with sub-headings of its own. */
export function TextBlock({ title, body, color }: { title: string; body: RichDoc; color: string }) {
  return (
    <Section
      style={{
        padding: '24px 32px 8px',
        backgroundColor: theme.paper,
        borderTop: `1px solid ${theme.line}`,
      }}
    >
      <Heading as="h2" style={heading(color)}>
        {title}
      </Heading>
      <RichText doc={body} styles={richTextStyles(color)} />
    </Section>
  );
}

/** An image block: full width, its caption under it, the whole image a link when it has one. */
export function ImageBlock({
  image,
  caption,
  link: href,
}: {
  image: PlacedImage | null;
  caption: string;
  link: string | null;
}) {
  if (!image) return null;
  const picture = <EmailImage image={image} width={IMAGE_WIDTHS.full} />;
  return (
    <Section style={{ padding: '16px 32px', backgroundColor: theme.paper }}>
      {href ? <Link href={href}>{picture}</Link> : picture}
      {caption ? <Text style={{ ...small, margin: '8px 0 0' }}>{caption}</Text> : null}
    </Section>
  );
}

export function CallToAction({
  title,
  body,
  buttonLabel,
  buttonUrl,
  color,
}: {
  title: string;
  body: string;
  buttonLabel: string;
  buttonUrl: string;
  color: string;
}) {
  return (
    <Section style={{ padding: '24px 32px', backgroundColor: theme.soft }}>
      <Heading as="h2" style={heading(color)}>
        {title}
      </Heading>
      {body ? <Text style={text}>{body}</Text> : null}
      <EmailButton href={buttonUrl} label={buttonLabel} color={color} />
    </Section>
  );
}

export type FooterLink = { href: string; label: string };

/**
 * The newsletter's footer: its own links first (contact, disclaimer, ...), then the reader's
 * personal links, then the contact line, postal address, the reason line and the footer text.
 */
export type FooterProps = {
  links: FooterLink[];
  unsubscribe: FooterLink;
  preferences: FooterLink;
  /** Contact line, postal address, "U ontvangt deze e-mail omdat ...": empty ones left out. */
  lines: string[];
  text: string;
};

export function Footer({ footer, color }: { footer: FooterProps; color: string }) {
  const items = [...footer.links, footer.unsubscribe, footer.preferences];
  return (
    <Section style={{ padding: '24px 32px', backgroundColor: theme.page }}>
      <Text style={{ ...small, margin: '0 0 8px' }}>
        {items.map((item, i) => (
          <span key={item.href}>
            {i > 0 ? ' | ' : ''}
            <Link href={item.href} style={{ ...link(color), fontWeight: 'normal' }}>
              {item.label}
            </Link>
          </span>
        ))}
      </Text>
      {footer.lines.map((line) => (
        <Text key={line} style={{ ...small, margin: '0 0 4px' }}>
          {line}
        </Text>
      ))}
      {footer.text ? <Text style={small}>{footer.text}</Text> : null}
    </Section>
  );
}
