import { z } from 'zod';
import { db } from '@/db';
import { routeEditor } from '@/lib/auth/refusal';
import { getConfig } from '@/lib/config';
import { fillPersonalLinks, renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { testLinks } from '@/lib/send/messages';
import { plainText } from '@/lib/http/responses';

// "Bekijk in uw browser" in a test mail: the issue is not in the archive yet, so the link leads
// here, to the mail as it stands now (the approved texts once approved), for editors only.
// "Lees meer" links of a test mail end below this path too; they open the same page.

const params = z.object({ id: z.coerce.number().int().positive() });
const notFound = () => plainText('Dit nummer bestaat niet (meer).', 404);

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const raw = await context.params;
  const auth = await routeEditor({
    name: 'webversie bekijken',
    role: 'redacteur',
    returnTo: `/redactie/nummers/${encodeURIComponent(raw.id)}/webversie`,
    refusal: 'U heeft geen rechten om deze webversie te bekijken.',
  });
  if (!auth.ok) return auth.response;
  const parsed = params.safeParse(raw);
  if (!parsed.success) return notFound();
  const { publicUrl } = getConfig();
  const source = emailSource(db(), parsed.data.id, publicUrl, { approvedText: true, draft: true });
  if (!source) return notFound();
  const { html } = await renderIssueEmail(source);
  // The personal links belong to a reader; here they lead to where a reader asks for their own.
  const page = fillPersonalLinks(html, testLinks(publicUrl));
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
      // Our own rendering, but a draft: no scripts, no forms, nothing but its images and styles.
      'Content-Security-Policy':
        "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
