'use server';

import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from '@/lib/validation';
import { signIn } from '@/auth';
import type { ActionState } from '@/lib/action-state';
import { fieldErrorsOf, formDataToObject } from '@/lib/actions';
import { getConfig } from '@/lib/config';
import { findActiveEditor } from '@/lib/editors/queries';
import { rateLimiter } from '@/lib/rate-limit';
import { safeCallbackUrl } from './callback-url';

// A mailbox gets at most SIGN_IN_LIMIT links in 15 minutes; one client (perhaps a whole town
// hall behind one address) six times as many. Made on first use: the build reads no configuration.
let limiters:
  | { perAddress: ReturnType<typeof rateLimiter>; perClient: ReturnType<typeof rateLimiter> }
  | undefined;
function limits() {
  const limit = getConfig().signInLimit;
  limiters ??= {
    perAddress: rateLimiter({ limit, windowMs: 15 * 60_000 }),
    perClient: rateLimiter({ limit: limit * 6, windowMs: 15 * 60_000 }),
  };
  return limiters;
}

const schema = z.object({
  email: z
    .string({ error: 'Vul uw e-mailadres in.' })
    .trim()
    .toLowerCase()
    .min(1, 'Vul uw e-mailadres in.')
    .max(254, 'Dit e-mailadres is te lang.')
    .pipe(z.email('Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.')),
  callbackUrl: z.string().max(500).optional(),
});

/** Asks Auth.js for a magic link, but only for active editors; everyone gets the same answer. */
export async function requestSignInLink(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  // A hand-made call may pass anything as the form (React decodes whatever was sent).
  const parsed = schema.safeParse(form instanceof FormData ? formDataToObject(form) : {});
  if (!parsed.success)
    return {
      status: 'invalid',
      message: 'Controleer uw e-mailadres.',
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const { email } = parsed.data;
  const client = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'onbekend';
  if (!limits().perClient.take(client))
    return {
      status: 'error',
      message: 'U heeft te vaak een inloglink gevraagd. Probeer het over een kwartier opnieuw.',
    };
  // Past its limit an address gets the usual answer but no mail: nobody learns whether it is known.
  if (!limits().perAddress.take(email)) redirect('/inloggen/controleer');
  if (!findActiveEditor(email)) redirect('/inloggen/controleer');
  try {
    await signIn('nodemailer', {
      email,
      redirect: false,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    unstable_rethrow(error);
    console.error('Inloglink versturen mislukt', error);
    return {
      status: 'error',
      message: 'De inloglink kon niet worden verstuurd. Probeer het over een paar minuten opnieuw.',
    };
  }
  // The very same answer as for an unknown address above.
  redirect('/inloggen/controleer');
}
