import SignInEmail from '@/emails/sign-in';
import { renderMail } from '@/lib/email/system-mail';

/**
 * The Dutch sign-in message for an editor, ready for sendMail (from MAIL_FROM: it is about no
 * newsletter); the link leads to a confirmation page.
 */
export async function signInMail(to: string, link: string, minutes: number) {
  return { to, ...(await renderMail('Uw inloglink voor Kopij', SignInEmail({ link, minutes }))) };
}
