import ReviewNoticeEmail, { reviewNoticeSubject } from '@/emails/review-notice';
import { renderMail } from '@/lib/email/system-mail';
import type { WorkflowStep } from '@/lib/issue/workflow';
import type { NewsletterIdentity } from '@/lib/newsletters/identity';

/**
 * The notification for a review request or a send-back, with the reviewer's note: about a
 * newsletter, so in its colours and from its sender.
 */
export async function workflowMail(
  step: Extract<WorkflowStep, 'requestReview' | 'sendBack'>,
  newsletter: NewsletterIdentity,
  p: { title: string; actor: string; note?: string; link: string },
) {
  const element = ReviewNoticeEmail({ brand: newsletter.brand, kind: step, ...p });
  return {
    ...(await renderMail(reviewNoticeSubject(step, p.title), element)),
    sender: newsletter.sender,
  };
}
