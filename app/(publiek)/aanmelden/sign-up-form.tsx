'use client';

import { Button } from '@/components/button';
import { SelectField, TextField } from '@/components/field';
import { FormErrors } from '../form-errors';
import { ThemeCheckboxes } from '../theme-checkboxes';
import { usePublicForm } from '../use-public-form';

const labels = { email: 'E-mailadres', naam: 'Naam', functie: 'Functie', themas: 'Thema’s' };

export function SignUpForm({
  newsletter,
  themes,
  consent,
  audienceOptions,
}: {
  newsletter: { slug: string; privacyUrl: string | null };
  themes: { id: number; name: string }[];
  consent: string;
  audienceOptions: { value: string; label: string }[];
}) {
  const { state, onSubmit, pending } = usePublicForm();
  const errors = state.fieldErrors;
  return (
    <form
      method="post"
      action="/aanmelden"
      onSubmit={onSubmit}
      noValidate
      className="mt-8 space-y-6"
    >
      <FormErrors state={state} labels={labels} />
      <input type="hidden" name="nieuwsbrief" value={newsletter.slug} />
      <TextField
        label={labels.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
      />
      <TextField
        label={labels.naam}
        name="naam"
        autoComplete="name"
        maxLength={100}
        error={errors.naam}
      />
      <SelectField
        label={labels.functie}
        name="functie"
        required
        defaultValue="raadslid"
        error={errors.functie}
        options={audienceOptions}
      />
      <ThemeCheckboxes themes={themes} checked={themes.map((t) => t.id)} error={errors.themas} />
      <p className="text-sm">
        {consent}{' '}
        {newsletter.privacyUrl ? (
          <a href={newsletter.privacyUrl} className="text-brand-700 underline">
            Lees de privacyverklaring
          </a>
        ) : null}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? 'Bezig met aanmelden…' : 'Aanmelden'}
      </Button>
    </form>
  );
}
