import crypto from 'node:crypto';
import type { BounceReport } from './event';

// What the relay webhooks (Postmark, Amazon SES via SNS) share: the shared secret as an HTTP
// Basic password, a capped JSON body, short Dutch answers, and never a 500. The route files
// only wire in the configuration and applyBounce, so everything here runs in unit tests.

/** Acts on one report (applyBounce, wired in by the route); idempotent by its dedupe key. */
export type ApplyBounce = (report: BounceReport) => unknown;

/** A relay's notification with headers and a full bounce text stays well under this. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export function answer(status: number, message: string, headers: Record<string, string> = {}) {
  return Response.json(
    { message },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

export const notFound = () => answer(404, 'Niet gevonden.');

export const unauthorized = () =>
  answer(401, 'Onjuiste of ontbrekende inloggegevens voor deze webhook.', {
    'www-authenticate': 'Basic realm="Kopij bounces", charset="UTF-8"',
  });

/** The password of an HTTP Basic Authorization header (the user name is not checked). */
export function basicPassword(request: Request): string | null {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}

/**
 * Compares in constant time. Both sides are hashed first, so neither the time taken nor an
 * early length check tells a guesser how long the secret is.
 */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** The body as JSON, or the answer that refuses it. */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown; text: string } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false, response: answer(413, 'De melding is te groot.') }) as const;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) return tooLarge();
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_WEBHOOK_BYTES) return tooLarge();
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return { ok: false, response: answer(400, 'De melding is geen geldige JSON.') };
  }
}

/**
 * Runs a webhook: anything unexpected (the database busy, a bug) answers 503, so the relay
 * tries again later, instead of a 500 or a lost report.
 */
export async function guarded(name: string, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    console.error(`Webhook ${name} mislukt:`, error);
    return answer(503, 'De melding kon nu niet worden verwerkt. Probeer het later opnieuw.');
  }
}

/** The first RFC 3463 status in a bounce text, e.g. "550 5.1.1 user unknown" gives 5.1.1. */
export function statusIn(text: string | undefined): string | undefined {
  return text ? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] : undefined;
}

/** Bounce texts are kept for the editors, not in full: a relay may send a whole dump. */
export const diagnosticOf = (text: string | undefined) => (text ?? '').trim().slice(0, 1000);
