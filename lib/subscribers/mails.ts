import AddressChangeEmail from '@/emails/address-change';
import AlreadySubscribedEmail from '@/emails/already-subscribed';
import PreferencesLinkEmail from '@/emails/preferences-link';
import SubscriptionConfirmEmail from '@/emails/subscription-confirm';
import WelcomeEmail from '@/emails/welcome';
import { renderMail } from '@/lib/email/system-mail';
import type { NewsletterIdentity } from '@/lib/newsletters/identity';
import { fillSubject } from '@/lib/newsletters/mail-text-body';
import { mailText, type MailText, type MailTextKind } from '@/lib/newsletters/mail-texts';
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

/** What a reader's own mail of each editable kind needs besides the text. */
export type TextMailValues = {
  bevestiging: { link: string };
  'al-aangemeld': { link: string };
  welkom: { themes: string[]; preferencesLink: string; unsubscribeLink: string };
};

/**
 * One of the mails whose text the newsletter's admin edits, built from that text (or from
 * `text`, for a preview of what is not saved yet).
 */
export function textMail<K extends MailTextKind>(
  newsletter: NewsletterIdentity,
  kind: K,
  values: TextMailValues[K],
  text: MailText = mailText(newsletter, kind),
) {
  const { brand } = newsletter;
  const subject = fillSubject(text.subject, {
    newsletter: brand.name,
    organisation: brand.organisation ?? '',
    days: CONFIRM_DAYS,
  });
  const body = text.body;
  const element =
    kind === 'bevestiging'
      ? SubscriptionConfirmEmail({
          brand,
          body,
          link: (values as TextMailValues['bevestiging']).link,
          days: CONFIRM_DAYS,
        })
      : kind === 'al-aangemeld'
        ? AlreadySubscribedEmail({
            brand,
            body,
            link: (values as TextMailValues['al-aangemeld']).link,
          })
        : WelcomeEmail({ brand, body, ...(values as TextMailValues['welkom']) });
  return newsletterMail(newsletter, subject, element);
}

export function confirmMail(newsletter: NewsletterIdentity, link: string) {
  return textMail(newsletter, 'bevestiging', { link });
}

export function alreadySubscribedMail(newsletter: NewsletterIdentity, link: string) {
  return textMail(newsletter, 'al-aangemeld', { link });
}

export function welcomeMail(newsletter: NewsletterIdentity, values: TextMailValues['welkom']) {
  return textMail(newsletter, 'welkom', values);
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
