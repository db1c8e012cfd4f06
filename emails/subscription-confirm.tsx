import { mailTextDefinitions } from '@/lib/newsletters/mail-texts';
import { bodyParts } from '@/lib/newsletters/mail-text-body';
import { previewBrand, type SystemBrand } from './system-layout';
import { TextMail } from './text-mail';

export type SubscriptionConfirmEmailProps = {
  brand: SystemBrand;
  /** The newsletter's text for this mail (lib/newsletters/mail-texts.ts). */
  body: string;
  link: string;
  days: number;
};

/** Double opt-in: nothing is sent until the mailbox owner confirms with this link. */
export default function SubscriptionConfirmEmail({
  brand,
  body,
  link,
  days,
}: SubscriptionConfirmEmailProps) {
  return (
    <TextMail
      brand={brand}
      title="Bevestig uw aanmelding"
      preheader={`Nog één stap: bevestig dat u ${brand.name} wilt ontvangen.`}
      footer={`U ontvangt dit bericht omdat dit adres is aangemeld voor ${brand.name}.`}
      parts={bodyParts('bevestiging', body, {
        newsletter: brand.name,
        organisation: brand.organisation ?? '',
        days,
        links: { bevestigingslink: link },
      })}
    />
  );
}

SubscriptionConfirmEmail.PreviewProps = {
  brand: previewBrand,
  body: mailTextDefinitions.bevestiging.default.body,
  link: 'https://nieuwsbrief.vsg.example/aanmelden/bevestigen/voorbeeld',
  days: 7,
} satisfies SubscriptionConfirmEmailProps;
