'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/modal';
import { idle } from '@/lib/action-state';
import { deleteImageAction } from './actions';

export function DeleteImageButton({ id, name }: { id: number; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(deleteImageAction, idle);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Verwijderen<span className="sr-only"> {name}</span>
      </Button>
      {open ? (
        <ConfirmDialog
          title="Afbeelding verwijderen?"
          confirmLabel="Verwijderen"
          state={state}
          pending={pending}
          onConfirm={() => startTransition(() => run({ id }))}
          onClose={() => setOpen(false)}
        >
          “{name}” verdwijnt uit de mediabibliotheek, met alle versies. Dit kan niet ongedaan worden
          gemaakt.
        </ConfirmDialog>
      ) : null}
    </>
  );
}
