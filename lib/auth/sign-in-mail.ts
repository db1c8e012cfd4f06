import { escapeHtml } from '@/lib/html';

/** The Dutch sign-in message for an editor; the link leads to a confirmation page. */
export function signInMail(link: string, minutes: number) {
  const subject = 'Uw inloglink voor Kopij';
  const text = [
    'Goedendag,',
    '',
    'U heeft gevraagd om in te loggen bij de redactie van Kopij. Open deze link om in te loggen:',
    '',
    link,
    '',
    `De link werkt één keer en is ${minutes} minuten geldig.`,
    'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er gebeurt niets.',
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<p>Goedendag,</p>
<p>U heeft gevraagd om in te loggen bij de redactie van Kopij.</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">Inloggen bij Kopij</a></p>
<p>De link werkt één keer en is ${minutes} minuten geldig. Werkt de knop niet? Kopieer dan dit adres in uw browser:<br>${escapeHtml(link)}</p>
<p>Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er gebeurt niets.</p>
</body></html>`;
  return { subject, text, html };
}
