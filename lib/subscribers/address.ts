import { z } from '@/lib/validation';

/**
 * One spelling per mailbox, so the unique index catches the same person typed twice:
 * trimmed, Unicode NFC, lower case, and an internationalised domain in its ASCII (punycode) form.
 * Lower-casing the local part is technically lossy, but no mail system our users meet treats
 * Jan@ and jan@ as different people, and treating them as different would let duplicates in.
 */
export function normaliseAddress(input: string): string {
  const trimmed = input.normalize('NFC').trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return trimmed;
  const domain = trimmed.slice(at + 1);
  if (/^[\x00-\x7f]*$/.test(domain)) return trimmed;
  try {
    // URL does IDNA (to punycode) the same way in Node and the browser.
    return `${trimmed.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return trimmed;
  }
}

/** A subscriber's address: the one parser for the forms, the actions and the CSV import. */
export const subscriberEmail = z
  .string({ error: 'Vul een e-mailadres in.' })
  .max(254, 'Dit e-mailadres is te lang.')
  .transform(normaliseAddress)
  .pipe(
    z
      .string()
      .min(1, 'Vul een e-mailadres in.')
      .pipe(z.email('Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.')),
  );
