'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/button';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * A plain multipart form to the upload route (it works without JavaScript); with it, a file can
 * also be dragged onto the zone, and one that is clearly too large is stopped before it is sent.
 * The server checks everything again.
 */
export function UploadForm({ newsletterSlug }: { newsletterSlug: string }) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const tooLarge = (file: File | undefined) =>
    !!file && file.size > MAX_BYTES
      ? `“${file.name}” is groter dan 10 MB. Verklein de afbeelding en probeer het opnieuw.`
      : null;

  const send = () => {
    const file = input.current?.files?.[0];
    const refusal = file ? tooLarge(file) : 'Kies eerst een afbeelding.';
    setProblem(refusal);
    if (refusal) return false;
    setBusy(true);
    return true;
  };

  return (
    <form
      ref={form}
      action="/redactie/media/uploaden"
      method="post"
      encType="multipart/form-data"
      className="mb-8"
      onSubmit={(event) => {
        if (!send()) event.preventDefault();
      }}
    >
      <input type="hidden" name="nieuwsbrief" value={newsletterSlug} />
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (!input.current || !event.dataTransfer.files.length) return;
          input.current.files = event.dataTransfer.files;
          if (send()) form.current?.submit();
        }}
        className={`rounded-lg border-2 border-dashed p-6 ${over ? 'border-brand-600 bg-brand-50' : 'border-gray-400 bg-white'}`}
      >
        <label htmlFor="bestand" className="block font-semibold">
          Afbeelding uploaden
        </label>
        <p id="bestand-hint" className="mt-1 text-sm text-muted">
          Sleep een afbeelding hierheen, of kies een bestand: PNG, JPEG, WebP of GIF, tot 10 MB.
          Kopij maakt er versies voor de e-mail en de website van en haalt locatiegegevens weg.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <input
            ref={input}
            id="bestand"
            name="bestand"
            type="file"
            accept={ACCEPT}
            aria-describedby={problem ? 'bestand-hint bestand-error' : 'bestand-hint'}
            aria-invalid={problem ? true : undefined}
            onChange={() => setProblem(tooLarge(input.current?.files?.[0]))}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-gray-500 file:bg-white file:px-3 file:py-2 file:font-semibold"
          />
          <Button type="submit" aria-disabled={busy || undefined}>
            {busy ? 'Bezig met uploaden…' : 'Uploaden'}
          </Button>
        </div>
        {problem ? (
          <p id="bestand-error" role="alert" className="mt-2 text-sm font-semibold text-danger">
            {problem}
          </p>
        ) : null}
      </div>
    </form>
  );
}
