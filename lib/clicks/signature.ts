import crypto from 'node:crypto';
import { getConfig } from '@/lib/config';

// A counted link is /k/<issue>/<position>.<signature>. The signature binds the issue, the
// position and the URL stored for it, so nobody can make Kopij redirect to a URL of their
// choosing (no open redirect) or count clicks on a link that was never sent. It names no reader.

/** 12 base64url characters: 72 bits, enough that guessing one is hopeless. */
export const SIGNATURE_LENGTH = 12;

let cachedKey: { secret: string; key: Buffer } | undefined;

/** Derived from the configured secret, apart from every other MAC of ours (see messageIdKey). */
export function clickKey(secret = getConfig().authSecret): Buffer {
  if (cachedKey?.secret !== secret)
    cachedKey = {
      secret,
      key: Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'click-link', 32)),
    };
  return cachedKey.key;
}

export function linkSignature(key: Buffer, issueId: number, position: number, url: string) {
  return crypto
    .createHmac('sha256', key)
    .update(`${issueId}:${position}:${url}`)
    .digest('base64url')
    .slice(0, SIGNATURE_LENGTH);
}

/** The address a counted link has in the mail. */
export function redirectUrl(
  publicUrl: string,
  key: Buffer,
  link: { issueId: number; position: number; url: string },
): string {
  const signature = linkSignature(key, link.issueId, link.position, link.url);
  return `${publicUrl}/k/${link.issueId}/${link.position}.${signature}`;
}

/** Whether `signature` was made for this link; in constant time, so it cannot be guessed bytewise. */
export function signatureMatches(
  key: Buffer,
  link: { issueId: number; position: number; url: string },
  signature: string,
): boolean {
  const expected = Buffer.from(linkSignature(key, link.issueId, link.position, link.url));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
