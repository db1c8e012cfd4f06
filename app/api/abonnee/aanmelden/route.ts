import { done, handlePost } from '@/lib/subscribers/http';
import { signUp } from '@/lib/subscribers/sign-up';

// POST /aanmelden (the proxy hands a form post to its page's URL here). The form names its
// newsletter in the `nieuwsbrief` field; without it, the first active newsletter.
export async function POST(request: Request) {
  return handlePost(request, '/aanmelden', async () =>
    done(request, await signUp(request, { source: 'aanmeldformulier' })),
  );
}
