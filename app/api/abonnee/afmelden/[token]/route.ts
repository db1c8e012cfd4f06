import { db } from '@/db';
import { unsubscribe, undoUnsubscribe } from '@/lib/subscribers/flows-unsubscribe';
import { unsubscribeForm } from '@/lib/subscribers/forms';
import { done, handlePost, parseForm, readForm } from '@/lib/subscribers/http';
import { requireLink } from '@/lib/subscribers/verify';
import { plainText } from '@/lib/http/responses';

/**
 * POST /afmelden/[token]. Mail clients send RFC 8058 one-click posts here
 * (`List-Unsubscribe=One-Click`) and expect a plain 200; the page's own buttons send `actie`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = `/afmelden/${token}`;
  return handlePost(request, page, async () => {
    const input = parseForm(unsubscribeForm, await readForm(request));
    const claims = requireLink('unsubscribe', token);
    if (input['List-Unsubscribe'] === 'One-Click') {
      db().transaction((tx) => unsubscribe(tx, claims, 'one-click'));
      return plainText('U bent afgemeld.', 200);
    }
    if (input.actie === 'ongedaan') {
      db().transaction((tx) => undoUnsubscribe(tx, claims));
      return done(request, `${page}?ongedaan=1`);
    }
    db().transaction((tx) => unsubscribe(tx, claims, 'afmeldpagina'));
    return done(request, `${page}?afgemeld=1`);
  });
}
