'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/modal';
import { idle } from '@/lib/action-state';
import { deleteIssue } from '../actions';

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
        <ConfirmDialog
          title={title}
          confirmLabel={pending ? 'Verwijderen...' : `Ja, verwijder ${name}`}
          state={state}
          pending={pending}
          onConfirm={() => startTransition(() => run({ issueId }))}
          onClose={() => setOpen(false)}
        >
          <strong>{name}</strong> wordt met al zijn blokken en opmerkingen verwijderd. Dit kan niet
          ongedaan worden gemaakt. De items zelf blijven in de bibliotheek.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
