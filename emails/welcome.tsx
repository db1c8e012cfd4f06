import { Action, Paragraph, previewBrand, SystemLayout, type SystemBrand } from './system-layout';
import { text } from './theme';

export type WelcomeEmailProps = { brand: SystemBrand; themes: string[]; preferencesLink: string };

/** After a confirmed sign-up: what the reader will get, and where to change it. */
export default function WelcomeEmail({ brand, themes, preferencesLink }: WelcomeEmailProps) {
  return (
    <SystemLayout
      brand={brand}
      title={`Welkom bij ${brand.name}`}
      preheader={`Uw aanmelding is bevestigd: u ontvangt ${brand.name} voortaan op dit adres.`}
      footer={`U ontvangt dit bericht omdat u uw aanmelding voor ${brand.name} heeft bevestigd.`}
    >
      <Paragraph>Goedendag,</Paragraph>
      <Paragraph>
        {`Uw aanmelding is bevestigd. U ontvangt ${brand.name} voortaan op dit adres.`}
      </Paragraph>
      {themes.length > 0 ? (
        <>
          <Paragraph>U heeft gekozen voor berichten over:</Paragraph>
          <ul style={{ ...text, paddingLeft: '24px' }}>
            {themes.map((name) => (
              <li key={name} style={{ margin: '0 0 4px' }}>
                {name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Paragraph>
        Andere thema’s kiezen of de nieuwsbrief een tijd niet ontvangen? Dat regelt u zelf via uw
        voorkeuren. Afmelden kan ook met de link onder elke nieuwsbrief.
      </Paragraph>
      <Action href={preferencesLink} label="Mijn voorkeuren" color={brand.color} />
    </SystemLayout>
  );
}

WelcomeEmail.PreviewProps = {
  brand: previewBrand,
  themes: ['Bestuur', 'Financiën'],
  preferencesLink: 'https://nieuwsbrief.vsg.example/voorkeuren/voorbeeld',
} satisfies WelcomeEmailProps;
