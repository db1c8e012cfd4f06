import { db } from '@/db';
import { sendMail } from '@/lib/mail';
import { SubscriberError } from '@/lib/subscribers/errors';
import { freshLinkFor } from '@/lib/subscribers/flows-sign-up';
import { freshLinkForm } from '@/lib/subscribers/forms';
import {
  done,
  handlePost,
  limitAddress,
  limitClient,
  parseForm,
  readForm,
} from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { confirmMail, preferencesLinkMail } from '@/lib/subscribers/mails';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { publicNewsletter } from '@/lib/subscribers/public-queries';

// POST /nieuwe-link: the same answer whether or not the address is known.
export async function POST(request: Request) {
  return handlePost(request, '/nieuwe-link', async () => {
    limitClient(request, 'nieuwe-link');
    const input = parseForm(freshLinkForm, await readForm(request));
    const newsletter = publicNewsletter(input.nieuwsbrief);
    if (!newsletter) throw new SubscriberError('Deze nieuwsbrief bestaat niet.', 404);
    limitAddress(request, input.email, 'nieuwe-link');
    const link = db().transaction((tx) => freshLinkFor(tx, input.email, newsletter.id));
    if (link) {
      const identity = newsletterIdentity(db(), newsletter.id)!;
      const mail =
        link.kind === 'confirm'
          ? await confirmMail(identity, personalLink('confirm', link.claims))
          : await preferencesLinkMail(identity, personalLink('preferences', link.claims));
      await sendMail({ to: link.email, ...mail });
    }
    return done(
      request,
      `/aanmelden/controleer?nieuwsbrief=${encodeURIComponent(newsletter.slug)}&link=1`,
    );
  });
}
