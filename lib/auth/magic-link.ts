import crypto from 'node:crypto';
import type { Db } from '@/db';
import { verificationTokens } from '@/db/schema';

/** Sign-in links stay valid this long when they are mailed. */
export const SIGN_IN_LINK_MAX_AGE_S = 60 * 60;

/**
 * The mailed link opens a page with a button instead of signing in directly: mail scanners
 * that open every link would otherwise use up the one-time token before the editor does.
 */
export function signInConfirmUrl(
  publicUrl: string,
  params: { token: string; email: string; callbackUrl?: string },
): string {
  const url = new URL('/inloggen/bevestigen', publicUrl);
  url.searchParams.set('token', params.token);
  url.searchParams.set('email', params.email);
  if (params.callbackUrl) url.searchParams.set('callbackUrl', params.callbackUrl);
  return url.toString();
}

/** Auth.js stores sha256(token + secret); this mirrors it so a link can be made outside a request. */
export function hashVerificationToken(token: string, secret: string): string {
  return crypto.createHash('sha256').update(`${token}${secret}`).digest('hex');
}

/** Makes a one-time sign-in link for an editor (used to print the demo admin's link at start). */
export function createSignInLink(
  database: Db,
  options: {
    email: string;
    secret: string;
    publicUrl: string;
    maxAgeMs: number;
    callbackUrl?: string;
  },
): string {
  const token = crypto.randomBytes(32).toString('hex');
  database
    .insert(verificationTokens)
    .values({
      identifier: options.email,
      token: hashVerificationToken(token, options.secret),
      expires: new Date(Date.now() + options.maxAgeMs),
    })
    .run();
  return signInConfirmUrl(options.publicUrl, {
    token,
    email: options.email,
    callbackUrl: options.callbackUrl ?? '/redactie',
  });
}
