'use server';

import { cookies, headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from '@/lib/validation';
import { signIn } from '@/auth';
import type { ActionState } from '@/lib/action-state';
import { fieldErrorsOf, formDataToObject } from '@/lib/actions';
import { getConfig } from '@/lib/config';
import { findActiveEditor } from '@/lib/editors/queries';
import { DEVICE_COOKIE, knownDevice } from '@/lib/auth/known-device';
import { signInLimiter } from '@/lib/auth/sign-in-limits';
import { clientKey } from '@/lib/http/client-address';
import { safeCallbackUrl } from './callback-url';

// The limits (lib/auth/sign-in-limits.ts) are made on first use: the build reads no configuration.
let limiter: ReturnType<typeof signInLimiter> | undefined;
const limits = () => (limiter ??= signInLimiter(getConfig()));

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
  const device = knownDevice(
    (await cookies()).get(DEVICE_COOKIE)?.value,
    email,
    getConfig().authSecret,
  );
  const verdict = limits().take({ email, client: clientKey(await headers()), device });
  if (verdict === 'client-limit')
    return {
      status: 'error',
      message: 'U heeft te vaak een inloglink gevraagd. Probeer het over een kwartier opnieuw.',
    };
  // Past a limit an address gets the usual answer but no mail: nobody learns whether it is known.
  if (verdict === 'quiet') redirect('/inloggen/controleer');
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
