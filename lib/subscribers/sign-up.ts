import 'server-only';
import { db } from '@/db';
import { clientAddress } from '@/lib/http/client-address';
import { sendMail } from '@/lib/mail';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { consentWording } from './consent';
import { SubscriberError } from './errors';
import { requestSignUp } from './flows-sign-up';
import { signUpForm } from './forms';
import { limitAddress, limitClient, parseForm, readForm } from './http';
import { personalLink } from './links';
import { alreadySubscribedMail, confirmMail } from './mails';
import { archivedThemeIdsOf, publicNewsletter, type PublicNewsletter } from './public-queries';

// The one sign-up every form runs: Kopij's own page (/aanmelden, enhanced or plain) and the
// snippet on an organisation's website (/aanmelden/<slug>/formulier). Same limits (one bucket
// per client), same checks, same double opt-in mail; only `source` in the consent proof differs.

export const ARCHIVED_MESSAGE = 'Deze nieuwsbrief neemt geen nieuwe aanmeldingen aan.';

/** The newsletter a sign-up is for, or a refusal: unknown is 404, archived 410. */
export function signUpNewsletter(slug: string | undefined): PublicNewsletter {
  const newsletter = publicNewsletter(slug);
  if (!newsletter) throw new SubscriberError('Deze nieuwsbrief bestaat niet.', 404);
  if (newsletter.archivedAt) throw new SubscriberError(ARCHIVED_MESSAGE, 410);
  return newsletter;
}

/**
 * Reads, checks and records one sign-up and sends its mail; answers with the page to go to.
 * `slug` from the URL wins over a `nieuwsbrief` field in the form.
 */
export async function signUp(
  request: Request,
  { slug, source }: { slug?: string; source: string },
): Promise<string> {
  limitClient(request, 'aanmelden');
  const input = parseForm(signUpForm, await readForm(request));
  const newsletter = signUpNewsletter(slug ?? input.nieuwsbrief);
  // A form opened before a theme was archived, or a snippet pasted long ago, may still name
  // it: it is left out, the rest of the choice stands. Ids of no theme of this newsletter are
  // refused by requestSignUp.
  const archived = archivedThemeIdsOf(newsletter.id);
  const themeIds = input.themas.filter((id) => !archived.has(id));
  limitAddress(request, input.email, 'aanmelden');

  const result = db().transaction((tx) =>
    requestSignUp(tx, {
      email: input.email,
      name: input.naam,
      audience: input.functie,
      themeIds,
      newsletterId: newsletter.id,
      wordingVersion: consentWording.version,
      source,
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
  return `/aanmelden/controleer?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`;
}
