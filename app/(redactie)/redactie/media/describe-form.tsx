'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { TextAreaField } from '@/components/field';
import { useFormAction } from '@/components/use-form-action';
import { describeImageAction } from './actions';

/** Alt text, or the explicit choice that the image is decorative (then the alt text goes). */
export function DescribeForm({
  id,
  alt,
  decorative,
  autoFocus,
}: {
  id: number;
  alt: string;
  decorative: boolean;
  autoFocus?: boolean;
}) {
  const { state, onSubmit, pending } = useFormAction(describeImageAction);
  const [isDecorative, setDecorative] = useState(decorative);
  const field = `alt-${id}`;
  // Just uploaded: straight to its alt text. (React does not apply autoFocus when it hydrates.)
  useEffect(() => {
    if (autoFocus) document.getElementById(field)?.focus();
  }, [autoFocus, field]);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextAreaField
        id={field}
        name="alt"
        label="Alt-tekst"
        required={!isDecorative}
        rows={2}
        maxLength={250}
        defaultValue={alt}
        disabled={isDecorative}
        hint="Wat staat er op de afbeelding, in één zin? Een schermlezer leest dit voor, en het staat in de e-mail als afbeeldingen uit staan."
        error={state.fieldErrors?.alt}
      />
      <div className="flex items-center gap-2">
        <input
          id={`decoratief-${id}`}
          name="decorative"
          type="checkbox"
          value="on"
          checked={isDecorative}
          onChange={(event) => setDecorative(event.target.checked)}
          className="size-5"
        />
        <label htmlFor={`decoratief-${id}`} className="text-sm">
          Decoratief: de afbeelding zegt niets wat de tekst niet al zegt
        </label>
      </div>
      <Button type="submit" variant="secondary" aria-disabled={pending || undefined}>
        Opslaan
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
