'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { requestSignInLink } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(requestSignInLink, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="E-mailadres"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state.fieldErrors?.email}
        hint="U krijgt een link waarmee u zonder wachtwoord inlogt."
      />
      <SubmitButton pendingText="Link wordt verstuurd...">Stuur mij een inloglink</SubmitButton>
    </form>
  );
}
