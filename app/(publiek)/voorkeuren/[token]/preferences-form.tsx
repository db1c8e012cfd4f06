'use client';

import { Button } from '@/components/button';
import { SelectField, TextField } from '@/components/field';
import { FormErrors } from '../../form-errors';
import { ThemeCheckboxes } from '../../theme-checkboxes';
import { usePublicForm } from '../../use-public-form';

const labels = {
  email: 'E-mailadres',
  naam: 'Naam',
  functie: 'Functie',
  themas: 'Thema’s',
  pauze: 'Pauzeren',
};
type Option = { value: string; label: string };

export function PreferencesForm({
  current,
  themes,
  audienceOptions,
  pauseOptions,
  issueId,
}: {
  current: {
    email: string;
    name: string;
    audience: string;
    themeIds: number[];
    pendingEmail: string | null;
  };
  themes: { id: number; name: string }[];
  audienceOptions: Option[];
  pauseOptions: Option[];
  /** The sent issue whose link led here: a change counts for it (lib/stats). */
  issueId: number | null;
}) {
  const { state, onSubmit, pending } = usePublicForm();
  const errors = state.fieldErrors;
  return (
    // No action: the form posts to this page's own URL, which the server hands to its route.
    <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-6">
      <FormErrors state={state} labels={labels} />
      {issueId ? <input type="hidden" name="nummer" value={issueId} /> : null}
      <TextField
        label={labels.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={current.email}
        error={errors.email}
        hint={
          current.pendingEmail
            ? `Uw nieuwe adres ${current.pendingEmail} wacht nog op bevestiging.`
            : 'Wijzigt u uw adres, dan sturen we eerst een bevestiging naar het nieuwe adres.'
        }
      />
      <TextField
        label={labels.naam}
        name="naam"
        autoComplete="name"
        maxLength={100}
        defaultValue={current.name}
        error={errors.naam}
      />
      <SelectField
        label={labels.functie}
        name="functie"
        required
        defaultValue={current.audience}
        error={errors.functie}
        options={audienceOptions}
      />
      <ThemeCheckboxes themes={themes} checked={current.themeIds} error={errors.themas} />
      <SelectField
        label={labels.pauze}
        name="pauze"
        defaultValue=""
        error={errors.pauze}
        hint="Even geen nieuwsbrief, bijvoorbeeld tijdens het reces of uw vakantie."
        options={[
          { value: '', label: 'Niet pauzeren' },
          ...pauseOptions.map((o) => ({ value: o.value, label: `Pauzeren voor ${o.label}` })),
        ]}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Bezig met opslaan…' : 'Voorkeuren opslaan'}
      </Button>
    </form>
  );
}
