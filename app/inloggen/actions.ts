'use server';

import { and, eq } from 'drizzle-orm';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from '@/lib/validation';
import { signIn } from '@/auth';
import { db } from '@/db';
import { users } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { fieldErrorsOf, formDataToObject } from '@/lib/actions';
import { safeCallbackUrl } from './callback-url';

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
export async function requestSignInLink(_previous: ActionState, form: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(formDataToObject(form));
  if (!parsed.success) return { status: 'invalid', message: 'Controleer uw e-mailadres.', fieldErrors: fieldErrorsOf(parsed.error) };
  const { email } = parsed.data;
  const editor = db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)))
    .get();
  if (!editor) redirect('/inloggen/controleer');
  try {
    await signIn('nodemailer', { email, redirect: false, redirectTo: safeCallbackUrl(parsed.data.callbackUrl) });
  } catch (error) {
    unstable_rethrow(error);
    console.error('Inloglink versturen mislukt', error);
    return { status: 'error', message: 'De inloglink kon niet worden verstuurd. Probeer het over een paar minuten opnieuw.' };
  }
  // The very same answer as for an unknown address above.
  redirect('/inloggen/controleer');
}
