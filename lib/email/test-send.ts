import { sendMail } from '@/lib/mail';
import { fillPersonalLinks } from './render';

export const MAX_TEST_ADDRESSES = 10;

/**
 * Sends a rendered issue as a test: "[TEST]" before the subject, from the newsletter's sender,
 * text and HTML. A test has no subscriber, so its personal links lead to the page that mails a reader their own.
 */
export async function sendTestIssue(
  message: { html: string; text: string; subject: string },
  to: string[],
  sender: { name: string; email: string; replyTo: string | null },
  publicUrl: string,
) {
  const fill = (body: string) =>
    fillPersonalLinks(body, {
      unsubscribe: `${publicUrl}/nieuwe-link`,
      preferences: `${publicUrl}/nieuwe-link`,
    });
  for (const address of to) {
    await sendMail({
      to: address,
      from: `"${sender.name.replace(/"/g, '')}" <${sender.email}>`,
      replyTo: sender.replyTo ?? undefined,
      subject: `[TEST] ${message.subject}`,
      text: fill(message.text),
      html: fill(message.html),
    });
  }
}
