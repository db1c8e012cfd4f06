import { db } from '@/db';
import { done, handlePost, readForm } from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { requireLink } from '@/lib/subscribers/verify';
import { confirmWithWelcome } from '@/lib/subscribers/welcome';

// POST /aanmelden/bevestigen/[token]: the button on the page, never the GET a mail scanner makes.
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handlePost(request, `/aanmelden/bevestigen/${token}`, async () => {
    await readForm(request);
    const claims = requireLink('confirm', token);
    const outcome = await confirmWithWelcome(db(), claims);
    return done(
      request,
      `${new URL(personalLink('preferences', claims)).pathname}?${outcome === 'confirmed' ? 'bevestigd' : 'al-bevestigd'}=1`,
    );
  });
}
