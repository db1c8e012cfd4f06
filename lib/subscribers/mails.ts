import { escapeHtml } from '@/lib/html';
import { CONFIRM_DAYS } from './consent';

// The system mails of the subscriber pages: plain, short, one button, and the link written out
// for mail clients that strip buttons. The caller fills in the newsletter's name.

type Mail = { subject: string; text: string; html: string };

function mail(
  subject: string,
  paragraphs: string[],
  button: { label: string; href: string },
  after: string[],
): Mail {
  const text = [...paragraphs, '', `${button.label}: ${button.href}`, '', ...after]
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
${paragraphs.map(p).join('\n')}
<p><a href="${escapeHtml(button.href)}" style="display:inline-block;padding:12px 20px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(button.label)}</a></p>
<p>Werkt de knop niet? Kopieer dan dit adres in uw browser:<br>${escapeHtml(button.href)}</p>
${after.map(p).join('\n')}
</body></html>`;
  return { subject, text, html };
}

const ignore = 'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er gebeurt niets.';

export function confirmMail(newsletter: string, link: string): Mail {
  return mail(
    `Bevestig uw aanmelding voor ${newsletter}`,
    [
      'Goedendag,',
      `U heeft zich aangemeld voor de nieuwsbrief ${newsletter}. Bevestig uw aanmelding om de nieuwsbrief te gaan ontvangen.`,
    ],
    { label: 'Aanmelding bevestigen', href: link },
    [`De link is ${CONFIRM_DAYS} dagen geldig.`, ignore],
  );
}

export function alreadySubscribedMail(newsletter: string, link: string): Mail {
  return mail(
    `U bent al aangemeld voor ${newsletter}`,
    [
      'Goedendag,',
      `Iemand heeft dit adres aangemeld voor ${newsletter}, maar u ontvangt deze nieuwsbrief al. Er is niets veranderd.`,
    ],
    { label: 'Mijn voorkeuren bekijken', href: link },
    [ignore],
  );
}

export function preferencesLinkMail(newsletter: string, link: string): Mail {
  return mail(
    `Uw link voor ${newsletter}`,
    [
      'Goedendag,',
      `U vroeg om een nieuwe link om uw voorkeuren voor ${newsletter} te bekijken of te wijzigen.`,
    ],
    { label: 'Mijn voorkeuren', href: link },
    [ignore],
  );
}

export function emailChangeMail(newsletter: string, link: string): Mail {
  return mail(
    `Bevestig uw nieuwe adres voor ${newsletter}`,
    [
      'Goedendag,',
      `U wilt ${newsletter} voortaan op dit adres ontvangen. Bevestig dit adres; tot dan gaat de nieuwsbrief naar uw oude adres.`,
    ],
    { label: 'Nieuw adres bevestigen', href: link },
    [`De link is ${CONFIRM_DAYS} dagen geldig.`, ignore],
  );
}
