import { mailTextDefinitions } from '@/lib/newsletters/mail-texts';
import { bodyParts } from '@/lib/newsletters/mail-text-body';
import { previewBrand, type SystemBrand } from './system-layout';
import { TextMail } from './text-mail';

export type WelcomeEmailProps = {
  brand: SystemBrand;
  /** The newsletter's text for this mail (lib/newsletters/mail-texts.ts). */
  body: string;
  themes: string[];
  preferencesLink: string;
  unsubscribeLink: string;
};

/** After a confirmed sign-up: what the reader will get, and where to change it. */
export default function WelcomeEmail({
  brand,
  body,
  themes,
  preferencesLink,
  unsubscribeLink,
}: WelcomeEmailProps) {
  return (
    <TextMail
      brand={brand}
      title={`Welkom bij ${brand.name}`}
      preheader={`Uw aanmelding is bevestigd: u ontvangt ${brand.name} voortaan op dit adres.`}
      footer={`U ontvangt dit bericht omdat u uw aanmelding voor ${brand.name} heeft bevestigd.`}
      parts={bodyParts('welkom', body, {
        newsletter: brand.name,
        organisation: brand.organisation ?? '',
        themes,
        links: { voorkeurenlink: preferencesLink, afmeldlink: unsubscribeLink },
      })}
    />
  );
}

WelcomeEmail.PreviewProps = {
  brand: previewBrand,
  body: mailTextDefinitions.welkom.default.body,
  themes: ['Bestuur', 'Financiën'],
  preferencesLink: 'https://nieuwsbrief.vsg.example/voorkeuren/voorbeeld',
  unsubscribeLink: 'https://nieuwsbrief.vsg.example/afmelden/voorbeeld',
} satisfies WelcomeEmailProps;
