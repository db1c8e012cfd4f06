'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { cancelSend, pauseSend, resumeSend } from './send-actions';

const actions = { pause: pauseSend, resume: resumeSend, cancel: cancelSend };

/** Pause, resume or cancel a running send; the server checks the role and the state again. */
export function SendControls({ issueId, paused }: { issueId: number; paused: boolean }) {
  const [state, dispatch, pending] = useActionState(
    (previous: ActionState, form: FormData) =>
      actions[form.get('control') as keyof typeof actions](previous, form),
    idle,
  );
  return (
    <form action={dispatch} className="mt-3 space-y-2">
      <input type="hidden" name="issueId" value={issueId} />
      <div className="flex flex-wrap gap-2">
        {paused ? (
          <Button type="submit" name="control" value="resume" disabled={pending}>
            Hervatten
          </Button>
        ) : (
          <Button type="submit" name="control" value="pause" variant="secondary" disabled={pending}>
            Pauzeren
          </Button>
        )}
        <Button
          type="submit"
          name="control"
          value="cancel"
          variant="danger"
          disabled={pending}
          onClick={(e) => {
            if (
              !window.confirm(
                'Verzending annuleren? Wie het nummer nog niet kreeg, krijgt het niet meer.',
              )
            )
              e.preventDefault();
          }}
        >
          Verzending annuleren
        </Button>
      </div>
      <FormMessage state={pending ? idle : state} />
    </form>
  );
}
