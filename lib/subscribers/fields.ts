import { z } from '@/lib/validation';
import { audiences, type Audience } from '@/db/schema';

// The shapes of a subscriber's details, shared by the public forms, the actions and the CSV import.

export const audienceLabels: Record<Audience, string> = {
  raadslid: 'Raadslid',
  griffier: 'Griffier',
  raadsadviseur: 'Raadsadviseur',
  commissielid: 'Commissielid',
  anders: 'Anders',
};

export const subscriberName = z
  .string({ error: 'Vul uw naam in.' })
  .trim()
  .max(100, 'Een naam mag hoogstens 100 tekens hebben.')
  .refine((v) => !/[<>]/.test(v), 'Een naam mag geen < of > bevatten.');

export const subscriberAudience = z.enum(audiences, { error: 'Kies een functie uit de lijst.' });

/** Theme ids from a form: one value, several, or none. Whether they exist is checked against the database. */
export const themeIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(
    z.array(z.string().regex(/^[1-9][0-9]{0,8}$/, 'Onbekend thema.')).max(50, 'Te veel thema’s.'),
  )
  .transform((ids) => [...new Set(ids.map(Number))]);

export const audienceOptions = audiences.map((value) => ({ value, label: audienceLabels[value] }));
