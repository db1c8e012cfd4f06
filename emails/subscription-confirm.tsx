import { LinkMail, previewBrand, type SystemBrand } from './system-layout';

export type SubscriptionConfirmEmailProps = { brand: SystemBrand; link: string; days: number };

/** Double opt-in: nothing is sent until the mailbox owner confirms with this link. */
export default function SubscriptionConfirmEmail({
  brand,
  link,
  days,
}: SubscriptionConfirmEmailProps) {
  return (
    <LinkMail
      brand={brand}
      title="Bevestig uw aanmelding"
      preheader={`Nog één stap: bevestig dat u ${brand.name} wilt ontvangen.`}
      footer={`U ontvangt dit bericht omdat dit adres is aangemeld voor ${brand.name}.`}
      text={`U heeft zich aangemeld voor de nieuwsbrief ${brand.name}. Bevestig uw aanmelding om de nieuwsbrief te gaan ontvangen.`}
      action={{ href: link, label: 'Aanmelding bevestigen' }}
      days={days}
    />
  );
}

SubscriptionConfirmEmail.PreviewProps = {
  brand: previewBrand,
  link: 'https://nieuwsbrief.vsg.example/aanmelden/bevestigen/voorbeeld',
  days: 7,
} satisfies SubscriptionConfirmEmailProps;
