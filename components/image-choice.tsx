'use client';

import Link from 'next/link';
import { useState } from 'react';
import { SelectField } from '@/components/field';
import type { ImageChoice } from '@/lib/media/library';

/**
 * Choosing an image from the newsletter's media library: a select (keyboard and screen reader
 * friendly at any library size) with a preview of the choice. Images without alt text are listed
 * but cannot be chosen, so the editor sees why and where to fix it.
 */
export function ImageChoiceField({
  id,
  name,
  label,
  images,
  defaultValue,
  hint,
  error,
  manageHref,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  images: ImageChoice[];
  defaultValue: number | null;
  hint: string;
  error?: string;
  manageHref: string;
  /** For a form that is not posted (the builder): the chosen id, or null for none. */
  onChange?: (mediaId: number | null) => void;
}) {
  const [value, setValue] = useState(defaultValue ? String(defaultValue) : '');
  const chosen = images.find((i) => String(i.id) === value);
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="w-full max-w-md">
        <SelectField
          id={id}
          name={name}
          label={label}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            onChange?.(event.target.value ? Number(event.target.value) : null);
          }}
          error={error}
          hint={
            <>
              {hint}{' '}
              <Link href={manageHref} className="font-semibold">
                Naar de mediabibliotheek
              </Link>
            </>
          }
          options={[
            { value: '', label: 'Geen afbeelding' },
            ...images.map((image) => ({
              value: String(image.id),
              label: image.described
                ? `${image.alt || 'Decoratief'} (${image.name})`
                : `${image.name} (nog geen alt-tekst)`,
              disabled: !image.described,
            })),
          ]}
        />
      </div>
      {chosen?.preview ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own rendition, already sized
        <img
          src={chosen.preview}
          alt=""
          className="h-20 w-32 rounded-md border border-line bg-gray-100 object-contain"
        />
      ) : null}
    </div>
  );
}
