import { done, handlePost, readForm } from '@/lib/subscribers/http';
import { signUp } from '@/lib/subscribers/sign-up';

// POST /aanmelden (the proxy hands a form post to its page's URL here). The form names its
// newsletter in the `nieuwsbrief` field; without it, the first active newsletter.
export async function POST(request: Request) {
  return handlePost(request, await formPage(request.clone()), async () =>
    done(request, await signUp(request, { source: 'aanmeldformulier' })),
  );
}

/**
 * The page a refused post without JavaScript links back to: the form of the newsletter it
 * named, not the choice between newsletters. The slug only ever becomes one path segment.
 */
async function formPage(copy: Request): Promise<string> {
  const slug = (await readForm(copy).catch(() => undefined))?.nieuwsbrief;
  return typeof slug === 'string' && slug ? `/aanmelden/${encodeURIComponent(slug)}` : '/aanmelden';
}
