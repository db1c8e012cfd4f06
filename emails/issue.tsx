import { Body, Container, Head, Html, Img, Link, Preview, Section, Text } from 'react-email';
import {
  CallToAction,
  Footer,
  ImageBlock,
  LeadItem,
  SectionHeading,
  TextBlock,
  ThemedItem,
  type EmailItem,
  type FooterProps,
} from './blocks';
import type { RichDoc } from '@/lib/richtext/doc';
import { fromPlainText } from '@/lib/richtext/plain';
import { EmailImage, logoWidth, type PlacedImage } from './image';
import { small, theme, type Brand } from './theme';

export type IssueEmailProps = {
  brand: Brand;
  subject: string;
  preheader: string;
  webUrl: string;
  lead: EmailItem | null;
  sections: { name: string; items: EmailItem[] }[];
  extras: (
    | { kind: 'text'; title: string; body: RichDoc }
    | { kind: 'cta'; title: string; body: string; buttonLabel: string; buttonUrl: string }
    | { kind: 'image'; image: PlacedImage | null; caption: string; link: string | null }
  )[];
  footer: FooterProps | null;
  /** Rendered in place of the sections, so the sender can compose sections rendered one by one. */
  sectionsSlot?: string;
  /** The open pixel's address: only in a real send with opens on (lib/clicks/opens.ts). */
  openPixel?: string | null;
};

/** 1x1 and transparent, after everything else; alt="": a screen reader passes it by. */
function OpenPixel({ src }: { src: string }) {
  return (
    <Img
      src={src}
      alt=""
      width="1"
      height="1"
      style={{ display: 'block', width: '1px', height: '1px', border: 0 }}
    />
  );
}

/** The link to the web version, small above the masthead. */
function BrowserLink({ webUrl }: { webUrl: string }) {
  return (
    <Section style={{ padding: '8px 32px', backgroundColor: theme.page }}>
      <Text style={{ ...small, margin: 0, textAlign: 'right' }}>
        <Link href={webUrl} style={{ color: theme.muted, textDecoration: 'underline' }}>
          Bekijk deze nieuwsbrief in uw browser
        </Link>
      </Text>
    </Section>
  );
}

/**
 * The brand colour with the organisation's logo above the newsletter's name; without a logo,
 * the name and the organisation in words.
 */
function Masthead({ brand }: { brand: Brand }) {
  const logo = brand.logo ? (
    <EmailImage
      image={brand.logo}
      width={logoWidth(brand.logo)}
      fluid={false}
      style={{ backgroundColor: brand.color, color: '#ffffff', margin: '0 0 12px' }}
    />
  ) : brand.logoUrl ? (
    <Img
      src={brand.logoUrl}
      alt={brand.logoAlt ?? brand.organisation}
      height="48"
      style={{ margin: '0 0 12px' }}
    />
  ) : null;
  const white = { fontFamily: theme.font, color: '#ffffff' };
  return (
    <Section style={{ padding: '20px 32px', backgroundColor: brand.color }}>
      {logo}
      <Text
        style={{ ...white, margin: 0, fontSize: '24px', lineHeight: '30px', fontWeight: 'bold' }}
      >
        {brand.name}
      </Text>
      {logo ? null : (
        <Text style={{ ...white, margin: '4px 0 0', fontSize: '14px', lineHeight: '20px' }}>
          {brand.organisation}
        </Text>
      )}
    </Section>
  );
}

function ThemedSection({
  section,
  color,
}: {
  section: IssueEmailProps['sections'][number];
  color: string;
}) {
  return (
    <Section style={{ backgroundColor: theme.paper }}>
      <SectionHeading name={section.name} color={color} />
      {section.items.map((item) => (
        <ThemedItem key={item.anchor} item={item} themeName={section.name} color={color} />
      ))}
    </Section>
  );
}

/** The issue as an e-mail, laid out like the reference issue: lead, themed sections, fixed blocks, footer. */
export default function IssueEmail(props: IssueEmailProps) {
  const color = props.brand.color;
  return (
    <Html lang="nl" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{props.subject}</title>
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
        <Preview useTitleTag={false}>{props.preheader}</Preview>
        <Container
          style={{ width: '100%', maxWidth: `${theme.width}px`, backgroundColor: theme.paper }}
        >
          <BrowserLink webUrl={props.webUrl} />
          <Masthead brand={props.brand} />
          {props.lead ? <LeadItem item={props.lead} color={color} /> : null}
          {props.sectionsSlot ??
            props.sections.map((section) => (
              <ThemedSection key={section.name} section={section} color={color} />
            ))}
          {props.extras.map((block, i) =>
            block.kind === 'text' ? (
              <TextBlock key={i} title={block.title} body={block.body} color={color} />
            ) : block.kind === 'image' ? (
              <ImageBlock key={i} {...block} />
            ) : (
              <CallToAction key={i} {...block} color={color} />
            ),
          )}
          {props.footer ? <Footer footer={props.footer} color={color} /> : null}
        </Container>
        {props.openPixel ? <OpenPixel src={props.openPixel} /> : null}
      </Body>
    </Html>
  );
}

const item = (n: number, extra: Partial<EmailItem> = {}): EmailItem => ({
  kind: 'news',
  title: `Voorbeelditem ${n}: een titel van redelijke lengte`,
  teaser: fromPlainText(
    'Een korte samenvatting van een of twee zinnen, zoals de redactie die voor raadsleden schrijft.',
    { headings: false },
  ),
  url: `https://www.vsg.example/nieuws/${n}`,
  anchor: `item-${n}`,
  ...extra,
});

IssueEmail.PreviewProps = {
  brand: {
    color: '#0b3a6e',
    name: 'Raadsbericht',
    organisation: 'Vereniging Samenwerkende Gemeenten',
    logoUrl: null,
    logoAlt: null,
  },
  subject: 'Raadsbericht 24: agenda en stukken voor de ledenvergadering',
  preheader: 'De ledenvergadering op congresdag twee en meer nieuws voor raadsleden en griffiers.',
  webUrl: 'https://nieuwsbrief.vsg.example/archief/raadsbericht/24',
  lead: item(1, {
    kind: 'event',
    event: {
      when: 'donderdag 24 december 2026, 13:30-16:30',
      where: 'Leeuwarden en online',
      registrationUrl: 'https://www.vsg.example/aanmelden',
    },
  }),
  sections: [
    { name: 'Bestuur', items: [item(2), item(3, { kind: 'publication' })] },
    { name: 'Financiën', items: [item(4, { kind: 'podcast' })] },
  ],
  extras: [
    {
      kind: 'text',
      title: 'Raadsforum',
      body: fromPlainText('## Wat is het?\n\nEen besloten forum voor raadsleden en griffiers.', {
        headings: true,
      }),
    },
    {
      kind: 'cta',
      title: 'Aangenomen moties',
      body: 'Bekijk wat gemeenteraden aan de vereniging vragen.',
      buttonLabel: 'Bekijk de moties',
      buttonUrl: 'https://www.vsg.example/moties',
    },
  ],
  footer: {
    text: 'Dit bericht is verzonden door de Vereniging Samenwerkende Gemeenten.',
    links: [
      { label: 'Contact', href: 'https://www.vsg.example/contact' },
      { label: 'Disclaimer', href: 'https://www.vsg.example/disclaimer' },
    ],
    unsubscribe: { label: 'Afmelden', href: 'https://kopij.invalid/__afmelden__' },
    preferences: { label: 'Gegevens wijzigen', href: 'https://kopij.invalid/__voorkeuren__' },
    lines: [
      'Vragen? Mail redactie@vsg.example of bel 070 000 00 00.',
      'Postbus 1, 2500 AA Den Haag',
      'U ontvangt deze e-mail omdat u zich heeft aangemeld voor Raadsbericht.',
    ],
  },
} satisfies IssueEmailProps;
