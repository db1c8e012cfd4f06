import { db } from '@/db';
import { unsubscribe, undoUnsubscribe } from '@/lib/subscribers/flows-unsubscribe';
import { issueRef, unsubscribeForm } from '@/lib/subscribers/forms';
import { ISSUE_PARAM } from '@/lib/subscribers/links';
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
    // The one-click POST goes to the URL in List-Unsubscribe, the page's form to the page's own
    // URL: both carry the issue the link came in.
    const issueId = issueRef.parse(new URL(request.url).searchParams.get(ISSUE_PARAM));
    if (input['List-Unsubscribe'] === 'One-Click') {
      db().transaction((tx) => unsubscribe(tx, claims, 'one-click', new Date(), issueId));
      return plainText('U bent afgemeld.', 200);
    }
    if (input.actie === 'ongedaan') {
      db().transaction((tx) => undoUnsubscribe(tx, claims));
      return done(request, `${page}?ongedaan=1`);
    }
    db().transaction((tx) => unsubscribe(tx, claims, 'afmeldpagina', new Date(), issueId));
    return done(request, `${page}?afgemeld=1`);
  });
}
