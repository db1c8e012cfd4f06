import type { ReactNode } from 'react';
import { Body, Container, Head, Heading, Html, Link, Preview, Section, Text } from 'react-email';
import { EmailButton } from './button';
import { heading, small, text, theme } from './theme';

/** Whose mail this is: a newsletter (its colour and name) or Kopij itself. */
export type SystemBrand = { color: string; name: string; organisation: string | null };

export const kopijBrand: SystemBrand = { color: '#1d4f91', name: 'Kopij', organisation: null };

/** The demo newsletter, for the PreviewProps of the newsletter mails. */
export const previewBrand: SystemBrand = {
  color: '#0b3a6e',
  name: 'Raadsbericht',
  organisation: 'Vereniging Samenwerkende Gemeenten',
};

/** WCAG 2 contrast ratio of a #rrggbb colour with white. */
export function contrastWithWhite(color: string): number {
  const channels = [1, 3, 5].map((at) => {
    const c = parseInt(color.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  return 1.05 / (luminance + 0.05);
}

/**
 * The brand colour where white text on it (and it as text on white) is readable at WCAG AA
 * (4.5:1); a light brand colour (yellow, light green) gives way to dark ink.
 */
export function inkOf(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) && contrastWithWhite(color) >= 4.5 ? color : theme.text;
}

/**
 * The frame every system mail shares: the brand bar, one heading, the body, a short footer
 * saying why the reader got it. Short and plain, so it reads the same as text.
 */
export function SystemLayout({
  brand,
  title,
  preheader,
  footer,
  children,
}: {
  brand: SystemBrand;
  title: string;
  preheader: string;
  footer: string;
  children: ReactNode;
}) {
  const ink = inkOf(brand.color);
  return (
    <Html lang="nl" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{title}</title>
      </Head>
      <Body
        lang="nl"
        style={{
          margin: 0,
          padding: '16px 0',
          backgroundColor: theme.page,
          fontFamily: theme.font,
        }}
      >
        <Preview useTitleTag={false}>{preheader}</Preview>
        <Container
          style={{ width: '100%', maxWidth: `${theme.width}px`, backgroundColor: theme.paper }}
        >
          <Section style={{ padding: '16px 32px', backgroundColor: ink }}>
            <Text
              style={{ ...text, margin: 0, fontSize: '18px', fontWeight: 'bold', color: '#ffffff' }}
            >
              {brand.name}
            </Text>
            {brand.organisation ? (
              <Text style={{ ...small, margin: 0, color: '#ffffff' }}>{brand.organisation}</Text>
            ) : null}
          </Section>
          <Section style={{ padding: '24px 32px 12px', backgroundColor: theme.paper }}>
            <Heading
              as="h1"
              style={{ ...heading(ink), fontSize: '24px', lineHeight: '30px', margin: '0 0 16px' }}
            >
              {title}
            </Heading>
            {children}
          </Section>
          <Section style={{ padding: '16px 32px', backgroundColor: theme.page }}>
            <Text style={{ ...small, margin: 0 }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={text}>{children}</Text>;
}

/**
 * The mail's one action: a button, and the address written out for clients that strip
 * buttons. In the plain-text part the button reads "label address" and the written-out
 * address is left out, so the link appears once.
 */
export function Action({ href, label, color }: { href: string; label: string; color: string }) {
  return (
    <>
      <EmailButton href={href} label={label} color={inkOf(color)} />
      <Text style={{ ...small, margin: '0 0 16px' }} data-skip-in-text="true">
        Werkt de knop niet? Kopieer dan dit adres in uw browser:
        <br />
        <Link
          href={href}
          style={{ color: theme.text, textDecoration: 'underline', wordBreak: 'break-all' }}
        >
          {href}
        </Link>
      </Text>
    </>
  );
}

/** "Did you not ask for this? Then nothing happens": the close of every mail a stranger can cause. */
export const notAsked =
  'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er gebeurt niets.';

/**
 * The shape most subscriber mails share: greeting, one paragraph, one button, how long the link
 * works (when it expires) and the "not asked for this" line.
 */
export function LinkMail(props: {
  brand: SystemBrand;
  title: string;
  preheader: string;
  footer: string;
  text: string;
  action: { href: string; label: string };
  days?: number;
}) {
  const { brand, action, days } = props;
  return (
    <SystemLayout
      brand={brand}
      title={props.title}
      preheader={props.preheader}
      footer={props.footer}
    >
      <Paragraph>Goedendag,</Paragraph>
      <Paragraph>{props.text}</Paragraph>
      <Action href={action.href} label={action.label} color={brand.color} />
      {days !== undefined && <Paragraph>{`De link is ${days} dagen geldig.`}</Paragraph>}
      <Paragraph>{notAsked}</Paragraph>
    </SystemLayout>
  );
}
