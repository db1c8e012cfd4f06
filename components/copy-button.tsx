'use client';

import { useState } from 'react';
import { Button } from './button';

/** Copies the text of the element with id `target` (a textarea), and says so in a live region. */
export function CopyButton({ target, label = 'Kopiëren' }: { target: string; label?: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    const field = document.getElementById(target);
    const text = field instanceof HTMLTextAreaElement ? field.value : (field?.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Gekopieerd');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text is still selectable.
      if (field instanceof HTMLTextAreaElement) field.select();
      setStatus('Kopiëren lukte niet; de code is geselecteerd, kopieer die met Ctrl+C.');
    }
  }
  return (
    <span className="inline-flex items-center gap-3">
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-sm text-muted">
        {status}
      </span>
    </span>
  );
}
