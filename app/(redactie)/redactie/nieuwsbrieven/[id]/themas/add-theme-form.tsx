'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { addThemeAction } from './actions';

export function AddThemeForm({ newsletterId }: { newsletterId: number }) {
  const [state, action] = useActionState(addThemeAction, idle);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="newsletterId" value={newsletterId} />
      <TextField
        label="Naam van het thema"
        name="name"
        required
        maxLength={60}
        error={state.fieldErrors?.name}
        hint="Komt achteraan in de volgorde; u kunt het daarna verplaatsen."
        key={state.status === 'ok' ? state.message : 'form'}
      />
      <SubmitButton pendingText="Toevoegen...">Thema toevoegen</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
