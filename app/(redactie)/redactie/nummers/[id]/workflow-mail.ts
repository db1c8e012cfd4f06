import { escapeHtml } from '@/lib/html';
import type { WorkflowStep } from '@/lib/issue/workflow';

/** The notification for a review request or a send-back, with the reviewer's note. */
export function workflowMail(
  step: WorkflowStep,
  p: { title: string; actor: string; note?: string; link: string },
) {
  const subject =
    step === 'requestReview' ? `${p.title} wacht op uw review` : `${p.title} is teruggestuurd`;
  const lead =
    step === 'requestReview'
      ? `${p.actor} heeft ${p.title} ter review aangeboden.`
      : `${p.actor} heeft ${p.title} teruggestuurd naar concept.`;
  const note = p.note ? `Toelichting: ${p.note}` : '';
  const text = [lead, note, `Bekijk het nummer: ${p.link}`].filter(Boolean).join('\n\n');
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>${escapeHtml(lead)}</p>${note ? `<blockquote style="border-left:4px solid #ccc;margin:0;padding-left:12px">${escapeHtml(p.note!)}</blockquote>` : ''}
<p><a href="${escapeHtml(p.link)}">Bekijk het nummer</a></p></body></html>`;
  return { subject, text, html };
}
