import { LinkMail, previewBrand, type SystemBrand } from './system-layout';

export type PreferencesLinkEmailProps = { brand: SystemBrand; link: string };

/** "Stuur mij een nieuwe link": a fresh link to the reader's own preferences. */
export default function PreferencesLinkEmail({ brand, link }: PreferencesLinkEmailProps) {
  return (
    <LinkMail
      brand={brand}
      title="Uw link naar uw voorkeuren"
      preheader={`Bekijk of wijzig uw voorkeuren voor ${brand.name}.`}
      footer={`U ontvangt dit bericht omdat voor dit adres een nieuwe link voor ${brand.name} is gevraagd.`}
      text={`U vroeg om een nieuwe link om uw voorkeuren voor ${brand.name} te bekijken of te wijzigen.`}
      action={{ href: link, label: 'Mijn voorkeuren' }}
    />
  );
}

PreferencesLinkEmail.PreviewProps = {
  brand: previewBrand,
  link: 'https://nieuwsbrief.vsg.example/voorkeuren/voorbeeld',
} satisfies PreferencesLinkEmailProps;
