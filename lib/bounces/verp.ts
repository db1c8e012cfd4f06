import crypto from 'node:crypto';
import { getConfig } from '@/lib/config';

/**
 * VERP envelope senders: every copy goes out from `bounces+<delivery>-<mac>@<bounce domain>`, so
 * a bounce that comes back days later names its delivery. The MAC (HMAC-SHA256, 64 bits, hex:
 * relays may lower-case a local part) means a forged bounce cannot name someone else's delivery.
 */
const LOCAL = 'bounces';
const shape = /^bounces\+([0-9a-z]{1,12})-([0-9a-f]{16})@([a-z0-9.-]+)$/;

let cached: { secret: string; key: Buffer } | undefined;

/** Derived from the configured secret, apart from every other MAC of ours. */
export function verpKey(secret = getConfig().authSecret): Buffer {
  if (cached?.secret !== secret)
    cached = {
      secret,
      key: Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'verp-envelope', 32)),
    };
  return cached.key;
}

function mac(key: Buffer, id: string): string {
  return crypto.createHmac('sha256', key).update(id).digest().subarray(0, 8).toString('hex');
}

export function verpAddress(deliveryId: number, domain: string, key = verpKey()): string {
  const id = deliveryId.toString(36);
  return `${LOCAL}+${id}-${mac(key, id)}@${domain.toLowerCase()}`;
}

/** The delivery a bounce address names, or null when it is not ours or its MAC is wrong. */
export function deliveryOfVerp(address: string, key = verpKey()): number | null {
  const match = shape.exec(address.trim().toLowerCase().replace(/^<|>$/g, ''));
  if (!match) return null;
  const [, id, given] = match;
  const expected = mac(key, id!);
  if (!crypto.timingSafeEqual(Buffer.from(given!), Buffer.from(expected))) return null;
  const deliveryId = parseInt(id!, 36);
  return Number.isSafeInteger(deliveryId) && deliveryId > 0 ? deliveryId : null;
}

/** Where bounces of a newsletter's copies go: BOUNCE_DOMAIN, else the sender's own domain. */
export function bounceDomain(senderEmail: string, configured = getConfig().bounces.domain): string {
  return configured ?? senderEmail.slice(senderEmail.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The List-Unsubscribe mailto address: on the bounce domain, so the message reaches Kopij's
 * inbound paths; the subject carries the signed unsubscribe token.
 */
export function unsubscribeAddress(domain: string): string {
  return `afmelden@${domain.toLowerCase()}`;
}
