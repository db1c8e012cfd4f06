'use client';

import { useParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { Modal } from '@/components/modal';
import { useFormAction } from '@/components/use-form-action';
import { saveTemplateAction } from '../template-actions';
import type { Autosave } from './use-autosave';

type Saved = Pick<Autosave, 'version' | 'dirty' | 'status'>;

/** The name and the "replace" choice; the server saves the stored issue at the version shown. */
function SaveTemplateForm({
  issueId,
  autosave,
  onSaved,
  onClose,
}: {
  issueId: number;
  autosave: Saved;
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(saveTemplateAction);
  useEffect(() => {
    if (state.status === 'ok') onSaved(state.message ?? 'Het sjabloon is opgeslagen.');
  }, [state, onSaved]);
  // A template is made of the saved issue: the button waits for the last changes to be saved.
  const waiting = autosave.dirty || autosave.status.kind === 'saving';
  const busy = waiting || pending;
  return (
    <form
      action={formAction}
      onSubmit={(event) => (busy ? event.preventDefault() : onSubmit(event))}
      noValidate
      className="mt-2 space-y-4"
    >
      <p className="text-sm">
        Het sjabloon bewaart de vaste blokken met hun inhoud, hun volgorde en de voettekst. Items,
        onderwerp en preheader horen er niet bij.
      </p>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={autosave.version} />
      <TextField
        label="Naam van het sjabloon"
        name="name"
        id="template-name"
        required
        maxLength={80}
        error={state.fieldErrors?.name}
      />
      <div className="flex items-start gap-2">
        <input id="template-replace" name="replace" type="checkbox" className="mt-1 size-4" />
        <label htmlFor="template-replace" className="text-sm">
          Vervang een bestaand sjabloon met deze naam
        </label>
      </div>
      {state.status === 'ok' ? null : <FormMessage state={state} />}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" aria-disabled={busy || undefined}>
          {pending ? 'Opslaan...' : 'Sjabloon opslaan'}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Annuleren
        </Button>
        {waiting ? (
          <span className="text-sm text-muted">Wacht tot het nummer is opgeslagen...</span>
        ) : null}
      </div>
    </form>
  );
}

/** "Opslaan als sjabloon" in the builder's toolbar: a dialog that asks for a name. */
export function SaveTemplate({ autosave }: { autosave: Saved }) {
  const params = useParams<{ id: string }>();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    // The dialog is removed rather than closed, so focus is put back on its button here.
    requestAnimationFrame(() => opener.current?.focus());
  }, []);
  const saved = useCallback(
    (message: string) => {
      setNotice(message);
      close();
    },
    [close],
  );
  return (
    <>
      <Button
        ref={opener}
        variant="secondary"
        onClick={() => {
          setNotice('');
          setOpen(true);
        }}
      >
        Opslaan als sjabloon
      </Button>
      <span role="status" className="self-center text-sm font-semibold text-success">
        {notice}
      </span>
      {open ? (
        <Modal title="Opslaan als sjabloon" onClose={close}>
          <SaveTemplateForm
            issueId={Number(params.id)}
            autosave={autosave}
            onSaved={saved}
            onClose={close}
          />
        </Modal>
      ) : null}
    </>
  );
}
