import { mailTextDefinitions } from '@/lib/newsletters/mail-texts';
import { bodyParts } from '@/lib/newsletters/mail-text-body';
import { previewBrand, type SystemBrand } from './system-layout';
import { TextMail } from './text-mail';

export type AlreadySubscribedEmailProps = {
  brand: SystemBrand;
  /** The newsletter's text for this mail (lib/newsletters/mail-texts.ts). */
  body: string;
  link: string;
};

/**
 * Someone signed this address up again: the owner hears so, and nothing changes (the visitor
 * saw the same answer as for a new address, so the form reveals no subscribers).
 */
export default function AlreadySubscribedEmail({ brand, body, link }: AlreadySubscribedEmailProps) {
  return (
    <TextMail
      brand={brand}
      title="U bent al aangemeld"
      preheader={`U ontvangt ${brand.name} al; er is niets veranderd.`}
      footer={`U ontvangt dit bericht omdat dit adres opnieuw is aangemeld voor ${brand.name}.`}
      parts={bodyParts('al-aangemeld', body, {
        newsletter: brand.name,
        organisation: brand.organisation ?? '',
        links: { voorkeurenlink: link },
      })}
    />
  );
}

AlreadySubscribedEmail.PreviewProps = {
  brand: previewBrand,
  body: mailTextDefinitions['al-aangemeld'].default.body,
  link: 'https://nieuwsbrief.vsg.example/voorkeuren/voorbeeld',
} satisfies AlreadySubscribedEmailProps;
