import { db } from '@/db';
import { clientAddress } from '@/lib/http/client-address';
import { sendMail } from '@/lib/mail';
import { consentWording } from '@/lib/subscribers/consent';
import { SubscriberError } from '@/lib/subscribers/errors';
import { requestSignUp } from '@/lib/subscribers/flows-sign-up';
import { signUpForm } from '@/lib/subscribers/forms';
import {
  done,
  handlePost,
  limitAddress,
  limitClient,
  parseForm,
  readForm,
} from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { alreadySubscribedMail, confirmMail } from '@/lib/subscribers/mails';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { publicNewsletter } from '@/lib/subscribers/public-queries';

// POST /aanmelden (the proxy hands a form post to its page's URL here).
export async function POST(request: Request) {
  return handlePost(request, '/aanmelden', async () => {
    limitClient(request, 'aanmelden');
    const input = parseForm(signUpForm, await readForm(request));
    const newsletter = publicNewsletter(input.nieuwsbrief);
    if (!newsletter) throw new SubscriberError('Deze nieuwsbrief bestaat niet.', 404);
    limitAddress(request, input.email, 'aanmelden');

    const result = db().transaction((tx) =>
      requestSignUp(tx, {
        email: input.email,
        name: input.naam,
        audience: input.functie,
        themeIds: input.themas,
        newsletterId: newsletter.id,
        wordingVersion: consentWording.version,
        source: 'aanmeldformulier',
        client: clientAddress(request.headers),
      }),
    );
    // Known or not, the visitor sees the same answer; only the mailbox owner learns which.
    // A suppressed address gets no mail at all (and the same answer).
    if (result.outcome !== 'suppressed') {
      const identity = newsletterIdentity(db(), newsletter.id)!;
      const mail =
        result.outcome === 'confirm'
          ? await confirmMail(identity, personalLink('confirm', result.claims))
          : await alreadySubscribedMail(identity, personalLink('preferences', result.claims));
      await sendMail({ to: result.email, ...mail });
    }
    return done(
      request,
      `/aanmelden/controleer?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`,
    );
  });
}
