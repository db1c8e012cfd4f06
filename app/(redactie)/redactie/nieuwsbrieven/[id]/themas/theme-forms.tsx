'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle, type ActionState } from '@/lib/action-state';
import { deleteThemeAction, renameThemeAction } from './actions';

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

/** One button that runs one action for one theme; a refusal shows beside it. */
export function ButtonForm({
  action,
  fields,
  label,
  srLabel,
  disabled,
}: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  srLabel: string;
  disabled?: boolean;
}) {
  const [state, run] = useActionState(action, idle);
  return (
    <form action={run}>
      <Hidden fields={fields} />
      {disabled ? (
        <Button variant="secondary" disabled>
          {label}
          <span className="sr-only">{srLabel}</span>
        </Button>
      ) : (
        <SubmitButton variant="secondary" pendingText="Bezig...">
          {label}
          <span className="sr-only">{srLabel}</span>
        </SubmitButton>
      )}
      {state.status === 'ok' ? null : <FormMessage state={state} />}
    </form>
  );
}

export function RenameThemeForm({
  newsletterId,
  theme,
}: {
  newsletterId: number;
  theme: { id: number; name: string };
}) {
  const [state, run] = useActionState(renameThemeAction, idle);
  const inputId = `naam-${theme.id}`;
  const error = state.fieldErrors?.name;
  return (
    <form action={run} className="flex flex-wrap items-end gap-2">
      <Hidden fields={{ newsletterId, themeId: theme.id }} />
      <div>
        <label htmlFor={inputId} className="block text-sm font-semibold">
          Naam van {theme.name}
        </label>
        <input
          id={inputId}
          name="name"
          required
          maxLength={60}
          defaultValue={theme.name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-fout` : undefined}
          className="rounded-md border border-gray-500 bg-white px-2 py-1.5 text-sm"
        />
      </div>
      <SubmitButton variant="secondary" pendingText="Opslaan...">
        Naam opslaan<span className="sr-only"> voor {theme.name}</span>
      </SubmitButton>
      <div className="w-full" id={`${inputId}-fout`}>
        <FormMessage state={error ? { status: 'invalid', message: error } : state} />
      </div>
    </form>
  );
}

/** Offered only while nothing uses the theme; asks once more, naming it, before it is gone. */
export function DeleteThemeForm({
  newsletterId,
  theme,
}: {
  newsletterId: number;
  theme: { id: number; name: string };
}) {
  const [state, run] = useActionState(deleteThemeAction, idle);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <div>
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Verwijderen<span className="sr-only"> {theme.name}</span>
        </Button>
        <FormMessage state={state} />
      </div>
    );
  return (
    <form
      action={(form) => {
        setAsking(false);
        run(form);
      }}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Thema ${theme.name} verwijderen`}
    >
      <Hidden fields={{ newsletterId, themeId: theme.id }} />
      <p className="text-sm font-semibold">Thema “{theme.name}” definitief verwijderen?</p>
      <SubmitButton variant="danger" pendingText="Verwijderen...">
        Ja, verwijderen
      </SubmitButton>
      <Button variant="secondary" onClick={() => setAsking(false)}>
        Annuleren
      </Button>
    </form>
  );
}
