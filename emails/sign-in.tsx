import { Action, kopijBrand, notAsked, Paragraph, SystemLayout } from './system-layout';

export type SignInEmailProps = { link: string; minutes: number };

/** The sign-in link for an editor; the link leads to a page with a button, not straight in. */
export default function SignInEmail({ link, minutes }: SignInEmailProps) {
  return (
    <SystemLayout
      brand={kopijBrand}
      title="Inloggen bij Kopij"
      preheader={`Uw inloglink, ${minutes} minuten geldig.`}
      footer="U ontvangt dit bericht omdat iemand met dit adres wilde inloggen bij de redactie van Kopij."
    >
      <Paragraph>Goedendag,</Paragraph>
      <Paragraph>U heeft gevraagd om in te loggen bij de redactie van Kopij.</Paragraph>
      <Action href={link} label="Inloggen bij Kopij" color={kopijBrand.color} />
      <Paragraph>{`De link werkt één keer en is ${minutes} minuten geldig.`}</Paragraph>
      <Paragraph>{notAsked}</Paragraph>
    </SystemLayout>
  );
}

SignInEmail.PreviewProps = {
  link: 'https://nieuwsbrief.vsg.example/inloggen/bevestigen?token=voorbeeld&email=redactie%40vsg.example',
  minutes: 60,
} satisfies SignInEmailProps;
