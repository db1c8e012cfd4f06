'use client';

import Link from 'next/link';
import { useState } from 'react';
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
}: {
  id: string;
  name: string;
  label: string;
  images: ImageChoice[];
  defaultValue: number | null;
  hint?: string;
  error?: string;
  manageHref: string;
}) {
  const [value, setValue] = useState(defaultValue ? String(defaultValue) : '');
  const chosen = images.find((i) => String(i.id) === value);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label} <span className="font-normal text-muted">(optioneel)</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}{' '}
          <Link href={manageHref} className="font-semibold">
            Naar de mediabibliotheek
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        <select
          id={id}
          name={name}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="block w-full max-w-md rounded-md border border-gray-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger"
        >
          <option value="">Geen afbeelding</option>
          {images.map((image) => (
            <option key={image.id} value={image.id} disabled={!image.described}>
              {image.described
                ? `${image.alt || 'Decoratief'} (${image.name})`
                : `${image.name} (nog geen alt-tekst)`}
            </option>
          ))}
        </select>
        {chosen?.preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own rendition, already sized
          <img
            src={chosen.preview}
            alt=""
            className="h-20 w-32 rounded-md border border-line bg-gray-100 object-contain"
          />
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
