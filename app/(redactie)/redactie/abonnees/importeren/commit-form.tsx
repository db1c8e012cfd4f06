'use client';

import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import { commitSubscriberImport } from '../actions';

export function CommitForm({ upload, label }: { upload: string; label: string }) {
  const { state, formAction, onSubmit } = useFormAction(commitSubscriberImport);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="upload" value={upload} />
      <SubmitButton pendingText="Importeren...">{label}</SubmitButton>
    </form>
  );
}
