'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { idle, type ActionState } from '@/lib/action-state';

/**
 * useActionState for forms that must keep what was typed when the server says "invalid":
 * React resets a form after its action runs, so with JavaScript we submit it ourselves.
 * Without JavaScript the form still posts to the same action.
 */
export function useFormAction<T>(
  action: (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>>,
) {
  const [state, formAction, pending] = useActionState(action, idle as ActionState<T>);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  return { state, formAction, onSubmit, pending };
}
