import { done, handlePost } from '@/lib/subscribers/http';
import { signUp } from '@/lib/subscribers/sign-up';

// POST /aanmelden/<slug>/formulier: the embeddable form (lib/subscribers/embed.ts) posted from
// an organisation's own website. A plain cross-site form post: no CSRF token is possible from a
// static snippet, and none is needed, since a sign-up changes nothing until the mailbox owner
// confirms. The same sign-up, limits and mail as Kopij's own form; answers 303 to the "check
// your inbox" page, or a short Dutch page with a 4xx status.
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handlePost(request, `/aanmelden/${encodeURIComponent(slug)}`, async () =>
    done(request, await signUp(request, { slug, source: 'insluitformulier' })),
  );
}
