'use client';

import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import { eraseSubscriberAction } from '../actions';

export function EraseForm({ id }: { id: number }) {
  const { state, formAction, onSubmit } = useFormAction(eraseSubscriberAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" aria-labelledby="wissen">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <p className="flex items-start gap-2">
        <input id="bevestigd" name="bevestigd" type="checkbox" value="ja" className="mt-1 size-4" />
        <label htmlFor="bevestigd">Ik begrijp dat wissen niet ongedaan kan worden.</label>
      </p>
      <SubmitButton variant="danger" pendingText="Wissen...">
        Abonnee wissen
      </SubmitButton>
    </form>
  );
}
