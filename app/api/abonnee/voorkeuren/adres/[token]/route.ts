import { db } from '@/db';
import { confirmEmailChange } from '@/lib/subscribers/flows-address';
import { done, handlePost, readForm } from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { requireLink } from '@/lib/subscribers/verify';

// POST /voorkeuren/adres/[token]: confirms a new address from the mail sent to that address.
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handlePost(request, `/voorkeuren/adres/${token}`, async () => {
    await readForm(request);
    const claims = requireLink('email', token);
    const fresh = db().transaction((tx) => confirmEmailChange(tx, claims));
    // Every older link is revoked now; the subscriber continues on a fresh one.
    return done(
      request,
      `${new URL(personalLink('preferences', fresh)).pathname}?adres-bevestigd=1`,
    );
  });
}
