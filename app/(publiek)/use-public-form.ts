'use client';

import { useState, type FormEvent } from 'react';

export type PublicFormState = {
  status: 'idle' | 'pending' | 'invalid';
  message?: string;
  fieldErrors: Record<string, string>;
};

/**
 * Progressive enhancement for the public forms: without JavaScript they post natively and the
 * server answers with a redirect or a short error page; with it, the same POST asks for JSON so
 * errors appear beside the fields and what was typed stays.
 */
export function usePublicForm() {
  const [state, setState] = useState<PublicFormState>({ status: 'idle', fieldErrors: {} });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState({ status: 'pending', fieldErrors: {} });
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as {
        status: string;
        redirect?: string;
        message?: string;
        fieldErrors?: Record<string, string>;
      };
      if (response.ok && body.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      setState({
        status: 'invalid',
        message: body.message ?? 'Dat lukte niet.',
        fieldErrors: body.fieldErrors ?? {},
      });
    } catch {
      setState({
        status: 'invalid',
        message:
          'Geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.',
        fieldErrors: {},
      });
    }
  }

  return { state, onSubmit, pending: state.status === 'pending' };
}
