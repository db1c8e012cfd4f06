import { db } from '@/db';
import { confirmSignUp } from '@/lib/subscribers/flows-sign-up';
import { done, handlePost, readForm } from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { requireLink } from '@/lib/subscribers/verify';
import { sendWelcome } from '@/lib/subscribers/welcome';

// POST /aanmelden/bevestigen/[token]: the button on the page, never the GET a mail scanner makes.
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handlePost(request, `/aanmelden/bevestigen/${token}`, async () => {
    await readForm(request);
    const claims = requireLink('confirm', token);
    const outcome = db().transaction((tx) => confirmSignUp(tx, claims));
    // After the commit, and only for a new confirmation: a second click sends no second welcome.
    // The reader is subscribed either way, so a mail problem is logged, not shown.
    if (outcome === 'confirmed')
      await sendWelcome(db(), claims).catch((error: unknown) =>
        console.error('Welkomstmail niet verstuurd', error),
      );
    return done(
      request,
      `${new URL(personalLink('preferences', claims)).pathname}?${outcome === 'confirmed' ? 'bevestigd' : 'al-bevestigd'}=1`,
    );
  });
}
