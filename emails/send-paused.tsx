import { Heading } from 'react-email';
import {
  Action,
  inkOf,
  Paragraph,
  previewBrand,
  SystemLayout,
  type SystemBrand,
} from './system-layout';
import { heading } from './theme';

export type SendPausedEmailProps = {
  brand: SystemBrand;
  /** The issue: "Raadsbericht 24". */
  title: string;
  reason: string;
  /** Failures in a row that paused the send. */
  limit: number;
  link: string;
};

/** The mail server failed again and again, so the send paused itself: what happened, what now. */
export default function SendPausedEmail({
  brand,
  title,
  reason,
  limit,
  link,
}: SendPausedEmailProps) {
  return (
    <SystemLayout
      brand={brand}
      title={`Verzending gepauzeerd: ${title}`}
      preheader={`De mailserver faalde ${limit} keer achter elkaar.`}
      footer="U ontvangt dit bericht omdat u deze verzending startte of beheerder bent van Kopij."
    >
      <Paragraph>
        {`De verzending van ${title} is vanzelf gepauzeerd: de mailserver faalde ${limit} keer achter elkaar.`}
      </Paragraph>
      <Heading as="h2" style={{ ...heading(inkOf(brand.color)), fontSize: '18px' }}>
        Reden
      </Heading>
      <Paragraph>{reason}</Paragraph>
      <Paragraph>
        Geen lezer is hierdoor als mislukt of gebouncet gemarkeerd: wat nog niet is afgeleverd,
        wacht in de wachtrij.
      </Paragraph>
      <Paragraph>
        Los het probleem op en kies op de pagina van het nummer “Hervatten”; de verzending gaat
        verder waar ze stopte.
      </Paragraph>
      <Action href={link} label="Naar het nummer" color={brand.color} />
    </SystemLayout>
  );
}

SendPausedEmail.PreviewProps = {
  brand: previewBrand,
  title: 'Raadsbericht 24',
  reason:
    'De mailserver weigert de inlog (535): 535 Invalid username or password; controleer gebruiker en wachtwoord in SMTP_URL',
  limit: 5,
  link: 'https://nieuwsbrief.vsg.example/redactie/nummers/24',
} satisfies SendPausedEmailProps;
