'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { Modal } from '../../nummers/[id]/dialogs';
import { removeItemAction, restoreItemAction } from '../actions';

function ConfirmRemoval(props: {
  title: string;
  sent: boolean;
  verb: string;
  state: ActionState;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { verb, state, pending } = props;
  return (
    <Modal title={`"${props.title}" ${verb}?`} role="alertdialog" onClose={() => props.onClose()}>
      <p className="mt-2">
        {props.sent
          ? 'Het item verdwijnt uit de bibliotheek. Met het filter Gearchiveerd vindt u het terug.'
          : 'Het item wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.'}
      </p>
      <div className="mt-4">
        <FormMessage state={state} />
      </div>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button
          variant="danger"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) props.onConfirm();
          }}
        >
          Ja, {verb}
        </Button>
        <Button variant="secondary" onClick={() => props.onClose()}>
          Annuleren
        </Button>
      </div>
    </Modal>
  );
}

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
        <ConfirmRemoval
          title={props.title}
          sent={props.sent}
          verb={verb}
          state={state}
          pending={pending}
          onConfirm={() => startTransition(() => run({ id: props.id }))}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
