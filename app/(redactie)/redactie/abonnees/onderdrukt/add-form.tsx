'use client';

import { TextAreaField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import { addSuppression } from './actions';

export function AddSuppressionForm() {
  const { state, formAction, onSubmit } = useFormAction(addSuppression);
  return (
    // Keyed on the outcome so a successful add empties the fields.
    <form
      key={state.status === 'ok' ? state.message : 'form'}
      action={formAction}
      onSubmit={onSubmit}
      className="space-y-4"
      noValidate
      aria-labelledby="toevoegen"
    >
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="off"
          required
          error={state.fieldErrors?.email}
        />
        <TextAreaField
          label="Reden"
          name="detail"
          rows={2}
          required
          hint="Komt op deze lijst en in het logboek."
          error={state.fieldErrors?.detail}
        />
      </div>
      <SubmitButton pendingText="Toevoegen...">Adres onderdrukken</SubmitButton>
    </form>
  );
}
