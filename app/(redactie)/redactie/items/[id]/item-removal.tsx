'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { ConfirmDialog } from '@/components/modal';
import { idle } from '@/lib/action-state';
import { removeItemAction, restoreItemAction } from '../actions';

/**
 * Removing an item made by mistake: deleted if it never went out, archived if it did (the
 * archive keeps what was sent). While an unsent issue holds it, the page says which one.
 */
export function ItemRemoval(props: {
  id: number;
  title: string;
  archived: boolean;
  open: string[];
  sent: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, run, pending] = useActionState(removeItemAction, idle);
  const [restored, restore] = useActionState(restoreItemAction, idle);
  const verb = props.sent ? 'archiveren' : 'verwijderen';
  return (
    <section aria-labelledby="item-weg" className="mt-10 max-w-2xl border-t border-line pt-6">
      <h2 id="item-weg" className="text-lg font-bold">
        {props.archived ? 'Gearchiveerd' : `Item ${verb}`}
      </h2>
      <div className="mt-2">
        <FormMessage state={restored.status !== 'idle' ? restored : state} />
      </div>
      {props.archived ? (
        <>
          <p className="mt-1 text-sm text-muted">
            Dit item was verzonden en staat niet meer in de bibliotheek. Het archief toont het zoals
            het is verzonden.
          </p>
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => startTransition(() => restore({ id: props.id }))}
          >
            Terugzetten in de bibliotheek
          </Button>
        </>
      ) : props.open.length ? (
        <p className="mt-1 text-sm">
          Dit item staat in {props.open.join(', ')}. Haal het daar eerst uit om het te {verb}.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">
            {props.sent
              ? 'Dit item is verzonden en kan daarom niet worden verwijderd. Archiveren haalt het uit de bibliotheek; het archief blijft het tonen zoals het is verzonden.'
              : 'Dit item is nooit verzonden en staat in geen enkel nummer; het kan worden verwijderd.'}
          </p>
          <Button variant="secondary" className="mt-3" onClick={() => setConfirming(true)}>
            Item {verb}
          </Button>
        </>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`"${props.title}" ${verb}?`}
          confirmLabel={`Ja, ${verb}`}
          state={state}
          pending={pending}
          onConfirm={() => startTransition(() => run({ id: props.id }))}
          onClose={() => setConfirming(false)}
        >
          {props.sent
            ? 'Het item verdwijnt uit de bibliotheek. Met het filter Gearchiveerd vindt u het terug.'
            : 'Het item wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.'}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
