import { LinkMail, previewBrand, type SystemBrand } from './system-layout';

export type AlreadySubscribedEmailProps = { brand: SystemBrand; link: string };

/**
 * Someone signed this address up again: the owner hears so, and nothing changes (the visitor
 * saw the same answer as for a new address, so the form reveals no subscribers).
 */
export default function AlreadySubscribedEmail({ brand, link }: AlreadySubscribedEmailProps) {
  return (
    <LinkMail
      brand={brand}
      title="U bent al aangemeld"
      preheader={`U ontvangt ${brand.name} al; er is niets veranderd.`}
      footer={`U ontvangt dit bericht omdat dit adres opnieuw is aangemeld voor ${brand.name}.`}
      text={`Iemand heeft dit adres aangemeld voor ${brand.name}, maar u ontvangt deze nieuwsbrief al. Er is niets veranderd.`}
      action={{ href: link, label: 'Mijn voorkeuren bekijken' }}
    />
  );
}

AlreadySubscribedEmail.PreviewProps = {
  brand: previewBrand,
  link: 'https://nieuwsbrief.vsg.example/voorkeuren/voorbeeld',
} satisfies AlreadySubscribedEmailProps;
