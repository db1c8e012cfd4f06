import { Heading, Text } from 'react-email';
import {
  Action,
  inkOf,
  Paragraph,
  previewBrand,
  SystemLayout,
  type SystemBrand,
} from './system-layout';
import { heading, text, theme } from './theme';

export type ReviewNoticeEmailProps = {
  brand: SystemBrand;
  kind: 'requestReview' | 'sendBack';
  /** The issue: "Raadsbericht 24". */
  title: string;
  actor: string;
  note?: string;
  link: string;
};

export const reviewNoticeSubject = (kind: ReviewNoticeEmailProps['kind'], title: string) =>
  kind === 'requestReview' ? `${title} wacht op uw review` : `${title} is teruggestuurd`;

/** Tells the reviewers an issue waits for them, or its author that it came back, with the note. */
export default function ReviewNoticeEmail(props: ReviewNoticeEmailProps) {
  const { brand, kind, title, actor, note, link } = props;
  const lead =
    kind === 'requestReview'
      ? `${actor} heeft ${title} ter review aangeboden.`
      : `${actor} heeft ${title} teruggestuurd naar concept.`;
  return (
    <SystemLayout
      brand={brand}
      title={reviewNoticeSubject(kind, title)}
      preheader={lead}
      footer={`U ontvangt dit bericht omdat u in de redactie van ${brand.name} zit.`}
    >
      <Paragraph>{lead}</Paragraph>
      {note ? (
        <>
          <Heading as="h2" style={{ ...heading(inkOf(brand.color)), fontSize: '18px' }}>
            Toelichting
          </Heading>
          <Text
            style={{
              ...text,
              whiteSpace: 'pre-line',
              borderLeft: `4px solid ${theme.line}`,
              paddingLeft: '12px',
            }}
          >
            {note}
          </Text>
        </>
      ) : null}
      <Action href={link} label="Bekijk het nummer" color={brand.color} />
    </SystemLayout>
  );
}

ReviewNoticeEmail.PreviewProps = {
  brand: previewBrand,
  kind: 'sendBack',
  title: 'Raadsbericht 24',
  actor: 'Pieter Jansen',
  note: 'Maak het onderwerp korter, graag.',
  link: 'https://nieuwsbrief.vsg.example/redactie/nummers/24',
} satisfies ReviewNoticeEmailProps;
