import { z } from 'zod';

// Dutch default messages for every schema; our own messages override them where they matter.
z.config(z.locales.nl());

export { z };

/** A checkbox as a form sends it ("on", or nothing) or as JSON does (true/false). */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

const NOT_A_RECORD = 'Deze verwijzing is ongeldig. Laad de pagina opnieuw.';

/** A row's id from a hidden field: only a forged or broken request sends anything else. */
export const recordId = z.coerce
  .number({ error: NOT_A_RECORD })
  .int({ error: NOT_A_RECORD })
  .positive({ error: NOT_A_RECORD });
