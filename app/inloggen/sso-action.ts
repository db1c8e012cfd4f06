'use server';

import { redirect, unstable_rethrow } from 'next/navigation';
import { auth, signIn, signOut } from '@/auth';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';
import { getConfig } from '@/lib/config';
import { safeCallbackUrl } from './callback-url';

/**
 * Sends the editor to the organisation's sign-in page (Auth.js sets the state and PKCE cookies
 * and answers with the redirect). Back on /inloggen with a message when the provider cannot be
 * reached; nothing is checked here that the callback does not check again.
 */
export async function signInWithOrganisation(form: unknown): Promise<void> {
  if (!getConfig().oidc) redirect('/inloggen');
  const redirectTo = safeCallbackUrl(form instanceof FormData ? form.get('callbackUrl') : null);
  // Whoever is signed in here now is signed out first: Auth.js would otherwise link the
  // organisation account to the current editor instead of the one whose address it carries.
  // The same redirectTo, or sign-out's own callback address (this page) would win.
  if (await auth()) await signOut({ redirect: false, redirectTo });
  try {
    await signIn(OIDC_PROVIDER_ID, { redirectTo });
  } catch (error) {
    unstable_rethrow(error);
    console.error('SSO: de OpenID-provider is niet bereikbaar', error);
  }
  redirect('/inloggen?error=SsoUnavailable');
}
