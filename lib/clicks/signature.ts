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

const mac = (key: Buffer, message: string) =>
  crypto.createHmac('sha256', key).update(message).digest('base64url').slice(0, SIGNATURE_LENGTH);

/** Whether `given` is `expected`, in constant time, so it cannot be guessed bytewise. */
function same(expected: string, given: string): boolean {
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function linkSignature(key: Buffer, issueId: number, position: number, url: string) {
  return mac(key, `${issueId}:${position}:${url}`);
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

/** Whether `signature` was made for this link. */
export function signatureMatches(
  key: Buffer,
  link: { issueId: number; position: number; url: string },
  signature: string,
): boolean {
  return same(linkSignature(key, link.issueId, link.position, link.url), signature);
}

// The open pixel (lib/clicks/opens.ts) is /o/<issue>.<signature>.gif: the same key, a message
// that no link's can be (a link's starts with its issue number), and only the issue in it.

export const pixelSignature = (key: Buffer, issueId: number) => mac(key, `open:${issueId}`);

/** The address of an issue's open pixel. */
export const pixelUrl = (publicUrl: string, key: Buffer, issueId: number) =>
  `${publicUrl}/o/${issueId}.${pixelSignature(key, issueId)}.gif`;

/** Whether `signature` was made for this issue's pixel. */
export const pixelSignatureMatches = (key: Buffer, issueId: number, signature: string) =>
  same(pixelSignature(key, issueId), signature);
