'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { ConfirmDialog } from '@/components/modal';
import { useFormAction } from '@/components/use-form-action';
import { idle } from '@/lib/action-state';
import { deleteTemplateAction, renameTemplateAction } from '../template-actions';

/** A new name for one template, folded away until asked for. */
function RenameForm({ id, name }: { id: number; name: string }) {
  const { state, formAction, onSubmit } = useFormAction(renameTemplateAction);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700">
        Naam wijzigen<span className="sr-only"> van {name}</span>
      </summary>
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="mt-2 flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="templateId" value={id} />
        <TextField
          label={`Nieuwe naam voor ${name}`}
          name="name"
          id={`template-name-${id}`}
          required
          maxLength={80}
          defaultValue={name}
          error={state.fieldErrors?.name}
        />
        <Button type="submit" variant="secondary">
          Opslaan
        </Button>
        <div className="basis-full">
          <FormMessage state={state.fieldErrors?.name ? idle : state} />
        </div>
      </form>
    </details>
  );
}

/** "Verwijderen" behind a confirmation that names the template. */
function DeleteTemplate({ id, name }: { id: number; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(deleteTemplateAction, idle);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Verwijderen<span className="sr-only"> {name}</span>
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Sjabloon “${name}” verwijderen?`}
          confirmLabel={pending ? 'Verwijderen...' : 'Ja, verwijder het sjabloon'}
          state={state}
          pending={pending}
          onConfirm={() => startTransition(() => run({ templateId: id }))}
          onClose={() => setOpen(false)}
        >
          Nummers die ermee zijn gemaakt blijven zoals ze zijn.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

export function TemplateActions({ id, name }: { id: number; name: string }) {
  return (
    <div className="flex flex-wrap items-start gap-4">
      <DeleteTemplate id={id} name={name} />
      <RenameForm id={id} name={name} />
    </div>
  );
}
