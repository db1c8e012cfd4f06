import { LinkMail, previewBrand, type SystemBrand } from './system-layout';

export type AddressChangeEmailProps = { brand: SystemBrand; link: string; days: number };

/** Sent to the new address: the change takes effect only once this mailbox confirms it. */
export default function AddressChangeEmail({ brand, link, days }: AddressChangeEmailProps) {
  return (
    <LinkMail
      brand={brand}
      title="Bevestig uw nieuwe adres"
      preheader={`Bevestig dat u ${brand.name} voortaan op dit adres wilt ontvangen.`}
      footer={`U ontvangt dit bericht omdat dit adres is opgegeven als nieuw adres voor ${brand.name}.`}
      text={`U wilt ${brand.name} voortaan op dit adres ontvangen. Bevestig dit adres; tot dan gaat de nieuwsbrief naar uw oude adres.`}
      action={{ href: link, label: 'Nieuw adres bevestigen' }}
      days={days}
    />
  );
}

AddressChangeEmail.PreviewProps = {
  brand: previewBrand,
  link: 'https://nieuwsbrief.vsg.example/voorkeuren/adres/voorbeeld',
  days: 7,
} satisfies AddressChangeEmailProps;
