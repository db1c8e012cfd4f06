'use client';

import { SelectField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { editorRoles } from '@/lib/enums';
import { useFormAction } from '@/components/use-form-action';
import { roleDescriptions, roleLabels } from '@/lib/auth/roles';
import { addEditor } from './actions';

const roleOptions = editorRoles.map((role) => ({
  value: role,
  label: `${roleLabels[role]}: ${roleDescriptions[role]}`,
}));

export function AddEditorForm() {
  const { state, formAction, onSubmit } = useFormAction(addEditor);
  return (
    // Keyed on the outcome so a successful add empties the fields.
    <form
      key={state.status === 'ok' ? state.message : 'form'}
      action={formAction}
      onSubmit={onSubmit}
      className="space-y-4"
      noValidate
      aria-labelledby="nieuwe-redacteur"
    >
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Naam"
          name="name"
          autoComplete="off"
          required
          error={state.fieldErrors?.name}
        />
        <TextField
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="off"
          required
          error={state.fieldErrors?.email}
        />
      </div>
      <SelectField
        label="Rol"
        name="role"
        required
        defaultValue="redacteur"
        options={roleOptions}
        error={state.fieldErrors?.role}
      />
      <SubmitButton pendingText="Toevoegen...">Redacteur toevoegen</SubmitButton>
    </form>
  );
}
