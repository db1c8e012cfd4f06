import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sessions, users } from '@/db/schema';

// A browser that once signed in as an editor gets a signed cookie naming that (address, browser)
// pair. When strangers have used up an address's sign-in ceiling, a request from that browser
// for that address is still mailed: the limits must not let a stranger lock the owner out.
// The cookie holds no address (only a keyed hash over it), so it tells nobody whose it is.

export const DEVICE_COOKIE = 'kopij-apparaat';
/** Only the sign-in page reads it; no other request needs to carry it. */
const COOKIE_PATH = '/inloggen';
const MAX_AGE_S = 180 * 24 * 60 * 60;

function mac(secret: string, id: string, issued: string, email: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`kopij-apparaat\0${id}\0${issued}\0${email.toLowerCase()}`)
    .digest('base64url');
}

/** A fresh cookie value for this address: `<id>.<issued, unix seconds>.<mac>`. */
export function deviceToken(email: string, secret: string, now = Date.now()): string {
  const id = crypto.randomBytes(12).toString('base64url');
  const issued = String(Math.floor(now / 1000));
  return `${id}.${issued}.${mac(secret, id, issued, email)}`;
}

/** The device's id when the cookie is ours, unexpired and was made for this address. */
export function knownDevice(
  token: string | undefined,
  email: string,
  secret: string,
  now = Date.now(),
): string | undefined {
  const parts = /^([\w-]{16})\.(\d{1,12})\.([\w-]{43})$/.exec(token ?? '');
  if (!parts) return undefined;
  const [, id, issued, given] = parts as unknown as [string, string, string, string];
  const age = now / 1000 - Number(issued);
  if (age < -60 || age > MAX_AGE_S) return undefined;
  const expected = Buffer.from(mac(secret, id, issued, email));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual)
    ? id
    : undefined;
}

export function deviceCookie(token: string, secure: boolean): string {
  return [
    `${DEVICE_COOKIE}=${token}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${MAX_AGE_S}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token=([^;]+)/;

/** The editor a response just signed in: its new session cookie, looked up in the database. */
export function signedInBy(database: Tx, response: Response): string | undefined {
  for (const cookie of response.headers.getSetCookie()) {
    const token = SESSION_COOKIE.exec(cookie)?.[1];
    if (!token) continue;
    const row = database
      .select({ email: users.email })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.sessionToken, decodeURIComponent(token)))
      .get();
    if (row) return row.email;
  }
  return undefined;
}

/**
 * Adds the device cookie to the answer of a successful sign-in (any provider's callback).
 * Auth.js's own responses may have immutable headers, so the answer is copied.
 */
export function rememberDevice(
  database: Tx,
  response: Response,
  { secret, secure }: { secret: string; secure: boolean },
): Response {
  const email = signedInBy(database, response);
  if (!email) return response;
  const headers = new Headers(response.headers);
  headers.append('set-cookie', deviceCookie(deviceToken(email, secret), secure));
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
