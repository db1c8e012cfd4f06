import crypto from 'node:crypto';
import { getConfig } from '@/lib/config';

/**
 * VERP envelope senders: every copy goes out from `bounces+<token>@<bounce domain>`, so a bounce
 * that comes back days later names its delivery. The token is one AES block over the delivery
 * id and eight zero bytes: receiving servers copy the envelope into Return-Path, so a plain id
 * would tell every reader a row number (how large the list is), and a block cipher hides it
 * while the zero bytes do a MAC's work: a forged or altered token decrypts to something else,
 * with a 2^-64 chance of passing. Hex, because relays may lower-case a local part.
 */
const LOCAL = 'bounces';
const shape = /^bounces\+([0-9a-f]{32})@([a-z0-9.-]+)$/;

let cached: { secret: string; key: Buffer } | undefined;

/** Derived from the configured secret, apart from every other key of ours. */
export function verpKey(secret = getConfig().authSecret): Buffer {
  if (cached?.secret !== secret)
    cached = {
      secret,
      key: Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'verp-envelope', 16)),
    };
  return cached.key;
}

export function verpAddress(deliveryId: number, domain: string, key = verpKey()): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(deliveryId), 0);
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  const token = Buffer.concat([cipher.update(block), cipher.final()]).toString('hex');
  return `${LOCAL}+${token}@${domain.toLowerCase()}`;
}

/** The delivery a bounce address names, or null when it is not ours or was altered. */
export function deliveryOfVerp(address: string, key = verpKey()): number | null {
  const match = shape.exec(address.trim().toLowerCase().replace(/^<|>$/g, ''));
  if (!match) return null;
  const decipher = crypto.createDecipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(Buffer.from(match[1]!, 'hex')), decipher.final()]);
  if (!block.subarray(8).equals(Buffer.alloc(8))) return null;
  const deliveryId = Number(block.readBigUInt64BE(0));
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
