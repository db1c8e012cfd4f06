import { sendMail } from '@/lib/mail';
import { PLACEHOLDERS } from './render';

export const MAX_TEST_ADDRESSES = 10;

/**
 * Sends a rendered issue as a test: "[TEST]" before the subject, from the newsletter's sender,
 * text and HTML. The personal links point to the site itself, since a test has no subscriber.
 */
export async function sendTestIssue(message: { html: string; text: string; subject: string }, to: string[], sender: { name: string; email: string; replyTo: string | null }, publicUrl: string) {
  const fill = (body: string) => body.replaceAll(PLACEHOLDERS.unsubscribe, `${publicUrl}/`).replaceAll(PLACEHOLDERS.preferences, `${publicUrl}/`);
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
