'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle } from '@/lib/action-state';
import { deleteIssue } from '../actions';
import { Modal } from './dialogs';

/** "Nummer verwijderen" for a draft, behind a confirmation that names the issue. */
export function DeleteIssue({ issueId, name }: { issueId: number; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(deleteIssue, idle);
  const title = `${name} (concept) verwijderen?`;
  return (
    <div className="mt-8">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Nummer verwijderen
      </Button>
      {open ? (
        <Modal title={title} role="alertdialog" onClose={() => setOpen(false)}>
          <p className="mt-2">
            <strong>{name}</strong> wordt met al zijn blokken en opmerkingen verwijderd. Dit kan
            niet ongedaan worden gemaakt. De items zelf blijven in de bibliotheek.
          </p>
          <div className="mt-4">
            <FormMessage state={state} />
          </div>
          <div className="mt-6 flex flex-wrap gap-2">
            <Button
              variant="danger"
              aria-disabled={pending || undefined}
              onClick={() => {
                if (!pending) startTransition(() => run({ issueId }));
              }}
            >
              {pending ? 'Verwijderen...' : `Ja, verwijder ${name}`}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Annuleren
            </Button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
