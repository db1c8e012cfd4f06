import { z } from '@/lib/validation';
import { editorRoles } from '@/db/schema';

// Shared by the settings forms and their actions.
export const editorEmail = z
  .string({ error: 'Vul een e-mailadres in.' })
  .trim()
  .toLowerCase()
  .min(1, 'Vul een e-mailadres in.')
  .max(254, 'Dit e-mailadres is te lang.')
  .pipe(z.email('Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.'));

export const editorName = z
  .string({ error: 'Vul een naam in.' })
  .trim()
  .min(1, 'Vul een naam in.')
  .max(100, 'Een naam mag hoogstens 100 tekens hebben.');

export const editorRole = z.enum(editorRoles, { error: 'Kies een rol.' });

export const addEditorSchema = z.object({ email: editorEmail, name: editorName, role: editorRole });

export const updateEditorSchema = z.object({
  id: z.uuid({ error: 'Onbekende redacteur.' }),
  role: editorRole,
  active: z
    .enum(['ja', 'nee'], { error: 'Kies actief of gedeactiveerd.' })
    .transform((v) => v === 'ja'),
});
