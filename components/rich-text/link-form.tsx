import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { normalizeHref } from './link-href';

/** The input's value and its check; an error stays until the editor types again. */
function useLinkInput(initialHref: string, onApply: (href: string) => void, onCancel: () => void) {
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function change(next: string) {
    setValue(next);
    setError(null);
  }

  function apply() {
    const result = normalizeHref(value);
    if (result.ok) onApply(result.href);
    else {
      setError(result.error);
      input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      // Also keeps a surrounding <dialog> from closing.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return { value, error, input, change, apply, onKeyDown };
}

/**
 * The address of a link, edited inline under the toolbar. Not a <form>: it sits inside the
 * item's form, and a nested form is invalid HTML. Enter applies and Escape cancels by hand
 * for the same reason, and Enter must not submit the outer form.
 */
export function LinkForm({
  id,
  initialHref,
  hasLink,
  onApply,
  onRemove,
  onCancel,
}: {
  id: string;
  initialHref: string;
  hasLink: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const { value, error, input, change, apply, onKeyDown } = useLinkInput(
    initialHref,
    onApply,
    onCancel,
  );

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={`${id}-label`}
      className="space-y-2 border-b border-line bg-brand-50 p-3"
    >
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="block text-sm font-semibold">
        Linkadres
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        Bijvoorbeeld https://www.vng.nl of naam@gemeente.nl.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={`${id}-input`}
          // Not type="url": the browser would refuse "vng.nl" and block the outer form.
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          className="block min-w-0 flex-1 rounded-md border border-gray-500 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger"
        />
        <Button onClick={apply}>Toepassen</Button>
        {hasLink ? (
          <Button variant="secondary" onClick={onRemove}>
            Link weghalen
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          Annuleren
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
