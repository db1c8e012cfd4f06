import {
  Action,
  notAsked,
  Paragraph,
  previewBrand,
  SystemLayout,
  type SystemBrand,
} from './system-layout';

export type AddressChangeEmailProps = { brand: SystemBrand; link: string; days: number };

/** Sent to the new address: the change takes effect only once this mailbox confirms it. */
export default function AddressChangeEmail({ brand, link, days }: AddressChangeEmailProps) {
  return (
    <SystemLayout
      brand={brand}
      title="Bevestig uw nieuwe adres"
      preheader={`Bevestig dat u ${brand.name} voortaan op dit adres wilt ontvangen.`}
      footer={`U ontvangt dit bericht omdat dit adres is opgegeven als nieuw adres voor ${brand.name}.`}
    >
      <Paragraph>Goedendag,</Paragraph>
      <Paragraph>
        {`U wilt ${brand.name} voortaan op dit adres ontvangen. Bevestig dit adres; tot dan gaat de nieuwsbrief naar uw oude adres.`}
      </Paragraph>
      <Action href={link} label="Nieuw adres bevestigen" color={brand.color} />
      <Paragraph>{`De link is ${days} dagen geldig.`}</Paragraph>
      <Paragraph>{notAsked}</Paragraph>
    </SystemLayout>
  );
}

AddressChangeEmail.PreviewProps = {
  brand: previewBrand,
  link: 'https://nieuwsbrief.vsg.example/voorkeuren/adres/voorbeeld',
  days: 7,
} satisfies AddressChangeEmailProps;
