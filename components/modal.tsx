'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import type { ActionState } from '@/lib/action-state';

/** A native modal dialog: focus is trapped and Escape closes it (through onClose). */
export function Modal({
  title,
  children,
  onClose,
  role = 'dialog',
  wide = false,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  role?: 'dialog' | 'alertdialog';
  /** For content with a width of its own, such as a mail at 600 px. */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto ${wide ? 'max-w-3xl' : 'max-w-lg'} rounded-lg border border-line p-6 shadow-xl backdrop:bg-black/40`}
    >
      <h2 id="dialog-title" className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/**
 * "Are you sure?" before something that cannot be undone: names what goes, shows the action's
 * answer (a refusal stays readable in the dialog) and ignores a second press while it runs.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  state,
  pending,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  state: ActionState;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title={title} role="alertdialog" onClose={onClose}>
      <p className="mt-2">{children}</p>
      <div className="mt-4">
        <FormMessage state={state} />
      </div>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button
          variant="danger"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Annuleren
        </Button>
      </div>
    </Modal>
  );
}
