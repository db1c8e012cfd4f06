'use client';

import { Button } from '@/components/button';
import { TextField } from '@/components/field';
import { FormErrors } from './form-errors';
import { usePublicForm } from './use-public-form';

const labels = { email: 'Uw e-mailadres' };

export function FreshLinkForm() {
  const { state, onSubmit, pending } = usePublicForm();
  return (
    <form
      method="post"
      action="/nieuwe-link"
      onSubmit={onSubmit}
      noValidate
      className="mt-6 space-y-4"
    >
      <FormErrors state={state} labels={labels} />
      <TextField
        label={labels.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state.fieldErrors.email}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Bezig…' : 'Stuur mij een nieuwe link'}
      </Button>
    </form>
  );
}
