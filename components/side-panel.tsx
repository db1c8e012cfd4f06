'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/button';

/**
 * A native modal dialog along the right edge, for work beside a page without leaving it: the
 * page behind is inert (focus stays inside), Escape and "Sluiten" close it (through onClose),
 * and focus goes back to what had it before.
 */
export function SidePanel({
  title,
  children,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="my-0 mr-0 ml-auto h-dvh max-h-dvh w-full max-w-xl overflow-y-auto border-l border-line bg-white p-6 shadow-xl backdrop:bg-black/40"
    >
      <div className="mb-4 flex items-start justify-between gap-4">
        <h2 id={titleId} className="text-lg font-bold">
          {title}
        </h2>
        <Button variant="secondary" className="px-3 py-1" onClick={onClose}>
          Sluiten
        </Button>
      </div>
      {children}
    </dialog>
  );
}
