import { z } from '@/lib/validation';
import { pauseOptions } from './consent';
import { subscriberEmail } from './address';
import { subscriberAudience, subscriberName, themeIds } from './fields';

// The public forms' shapes (field names as the HTML forms send them).

export const signUpForm = z.object({
  nieuwsbrief: z.string().max(100).optional(),
  email: subscriberEmail,
  naam: subscriberName.optional().default(''),
  functie: subscriberAudience,
  themas: themeIds,
});

/**
 * The sent issue a personal link came in: `?nummer=` on the link, carried on as a hidden field
 * of the preferences form. It only attributes (lib/subscribers/flows-common.ts
 * `attributedIssue`), so a value that is no issue number counts for no issue instead of refusing
 * the reader's unsubscribe or change.
 */
export const issueRef = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .nullish()
  .catch(null)
  .transform((id) => id ?? null);

export const preferencesForm = z.object({
  nummer: issueRef,
  email: subscriberEmail,
  naam: subscriberName.optional().default(''),
  functie: subscriberAudience,
  themas: themeIds,
  pauze: z
    .enum(['', ...pauseOptions.map((o) => String(o.days))] as [string, ...string[]], {
      error: 'Kies een pauze uit de lijst.',
    })
    .optional()
    .default('')
    .transform((v) => (v === '' ? null : Number(v))),
});

export const freshLinkForm = z.object({
  nieuwsbrief: z.string().max(100).optional(),
  email: subscriberEmail,
});

export const unsubscribeForm = z.object({
  actie: z.enum(['afmelden', 'ongedaan'], { error: 'Onbekende keuze.' }).optional(),
  'List-Unsubscribe': z.literal('One-Click', { error: 'Onbekende afmeldopdracht.' }).optional(),
});
