import AddressChangeEmail from '@/emails/address-change';
import AlreadySubscribedEmail from '@/emails/already-subscribed';
import PreferencesLinkEmail from '@/emails/preferences-link';
import SubscriptionConfirmEmail from '@/emails/subscription-confirm';
import WelcomeEmail from '@/emails/welcome';
import { renderMail } from '@/lib/email/system-mail';
import type { NewsletterIdentity } from '@/lib/newsletters/identity';
import { CONFIRM_DAYS } from './consent';

// The system mails of the subscriber pages, in the newsletter's colours and from its sender:
// the reader signed up for that newsletter, not for "Kopij". Spread into sendMail({ to, ... }).

async function newsletterMail(
  newsletter: NewsletterIdentity,
  subject: string,
  element: Parameters<typeof renderMail>[1],
) {
  return { ...(await renderMail(subject, element)), sender: newsletter.sender };
}

export function confirmMail(newsletter: NewsletterIdentity, link: string) {
  const { brand } = newsletter;
  return newsletterMail(
    newsletter,
    `Bevestig uw aanmelding voor ${brand.name}`,
    SubscriptionConfirmEmail({ brand, link, days: CONFIRM_DAYS }),
  );
}

export function alreadySubscribedMail(newsletter: NewsletterIdentity, link: string) {
  const { brand } = newsletter;
  return newsletterMail(
    newsletter,
    `U bent al aangemeld voor ${brand.name}`,
    AlreadySubscribedEmail({ brand, link }),
  );
}

export function preferencesLinkMail(newsletter: NewsletterIdentity, link: string) {
  const { brand } = newsletter;
  return newsletterMail(
    newsletter,
    `Uw link voor ${brand.name}`,
    PreferencesLinkEmail({ brand, link }),
  );
}

export function emailChangeMail(newsletter: NewsletterIdentity, link: string) {
  const { brand } = newsletter;
  return newsletterMail(
    newsletter,
    `Bevestig uw nieuwe adres voor ${brand.name}`,
    AddressChangeEmail({ brand, link, days: CONFIRM_DAYS }),
  );
}

export function welcomeMail(
  newsletter: NewsletterIdentity,
  themes: string[],
  preferencesLink: string,
) {
  const { brand } = newsletter;
  return newsletterMail(
    newsletter,
    `Welkom bij ${brand.name}`,
    WelcomeEmail({ brand, themes, preferencesLink }),
  );
}
