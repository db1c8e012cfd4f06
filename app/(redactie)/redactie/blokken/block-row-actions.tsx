'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { archiveBlock, moveBlock, restoreBlock } from './actions';

type Run = (previous: ActionState, payload: unknown) => Promise<ActionState>;

/** One button that runs an action for this block and keeps keyboard focus where it was. */
function ActionButton({
  action,
  payload,
  children,
  inactive,
  variant = 'secondary',
}: {
  action: Run;
  payload: Record<string, unknown>;
  children: React.ReactNode;
  inactive?: boolean;
  variant?: 'secondary' | 'ghost';
}) {
  const [state, run, pending] = useActionState(action, idle);
  const ref = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);
  // A move re-orders the list; the button moves with its block and keeps the focus.
  useEffect(() => {
    if (state.status !== 'idle' && hadFocus.current) ref.current?.focus();
  }, [state]);
  return (
    <>
      <Button
        ref={ref}
        variant={variant}
        // aria-disabled rather than disabled: the button stays focusable at the end of the list.
        aria-disabled={inactive || pending || undefined}
        onClick={() => {
          if (inactive || pending) return;
          hadFocus.current = document.activeElement === ref.current;
          startTransition(() => run(payload));
        }}
      >
        {children}
      </Button>
      {state.status === 'ok' ? (
        <div className="sr-only">
          <FormMessage state={state} />
        </div>
      ) : state.status !== 'idle' ? (
        <div className="basis-full">
          <FormMessage state={state} />
        </div>
      ) : null}
    </>
  );
}

export function BlockRowActions({
  id,
  name,
  mode,
  first,
  last,
}: {
  id: number;
  name: string;
  mode: 'start' | 'other' | 'archived';
  first: boolean;
  last: boolean;
}) {
  const label = <span className="sr-only"> {name}</span>;
  if (mode === 'archived')
    return (
      <div className="flex flex-wrap gap-2">
        <ActionButton action={restoreBlock as Run} payload={{ id }}>
          Terugzetten{label}
        </ActionButton>
      </div>
    );
  return (
    <div className="flex flex-wrap gap-2">
      {mode === 'start' ? (
        <>
          <ActionButton
            action={moveBlock as Run}
            payload={{ id, direction: 'omhoog' }}
            inactive={first}
          >
            Omhoog{label}
          </ActionButton>
          <ActionButton
            action={moveBlock as Run}
            payload={{ id, direction: 'omlaag' }}
            inactive={last}
          >
            Omlaag{label}
          </ActionButton>
        </>
      ) : null}
      <ActionButton action={archiveBlock as Run} payload={{ id }} variant="ghost">
        Archiveren{label}
      </ActionButton>
    </div>
  );
}
