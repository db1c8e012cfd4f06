import crypto from 'node:crypto';

/**
 * A Message-ID for a message that is not a newsletter copy (system mails, test sends): 144
 * random bits on the sender's domain. Nothing in it can be guessed or counted, and it never
 * repeats, so a receiver never mistakes one for another.
 */
export function newMessageId(domain: string): string {
  return `<${crypto.randomBytes(18).toString('base64url')}@${domain.toLowerCase()}>`;
}
