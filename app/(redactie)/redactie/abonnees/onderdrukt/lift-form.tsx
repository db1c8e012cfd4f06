'use client';

import { TextAreaField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import { liftSuppressionAction } from './actions';

/**
 * Lifting one row, behind a disclosure in its table cell: a native details element, so it
 * opens with Enter or Space and needs no script to work.
 */
export function LiftForm({ id, address }: { id: number; address: string }) {
  const { state, formAction, onSubmit } = useFormAction(liftSuppressionAction);
  return (
    <details className="min-w-56" open={state.status === 'invalid' || undefined}>
      <summary className="cursor-pointer font-semibold text-brand-700">
        Opheffen<span className="sr-only"> voor {address}</span>
      </summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-2 space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="id" value={id} />
        <TextAreaField
          id={`reden-${id}`}
          label="Reden voor opheffen"
          name="reason"
          rows={2}
          required
          hint="Opheffen meldt niemand opnieuw aan."
          error={state.fieldErrors?.reason}
        />
        <SubmitButton variant="danger" pendingText="Opheffen...">
          Onderdrukking opheffen
        </SubmitButton>
      </form>
    </details>
  );
}
