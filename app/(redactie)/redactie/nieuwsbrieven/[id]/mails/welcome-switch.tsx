'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { saveWelcomeMailAction } from './actions';

/** Whether a reader who confirms gets the welcome mail: on for a new newsletter. */
export function WelcomeSwitch({ newsletterId, on }: { newsletterId: number; on: boolean }) {
  const [state, action] = useActionState(saveWelcomeMailAction, idle);
  return (
    <form action={action} className="space-y-3" aria-label="Welkomstmail aan of uit">
      <input type="hidden" name="newsletterId" value={newsletterId} />
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input
          id="welkomstmail"
          name="welkomstmail"
          type="checkbox"
          value="aan"
          defaultChecked={on}
          className="mt-1 size-5"
          aria-describedby="welkomstmail-hint"
        />
        <div>
          <label htmlFor="welkomstmail" className="font-semibold">
            Welkomstmail versturen na het bevestigen
          </label>
          <p id="welkomstmail-hint" className="text-sm text-muted">
            Uit: een nieuwe abonnee krijgt na het bevestigen alleen de bevestigingspagina te zien.
          </p>
        </div>
      </div>
      <SubmitButton variant="secondary" pendingText="Opslaan...">
        Opslaan
      </SubmitButton>
    </form>
  );
}
