'use client';

import { useState } from 'react';
import { TextField } from '@/components/field';
import { AA_NORMAL_TEXT, contrastRatio, formatRatio, isHexColour } from '@/lib/contrast';

/** What the editor sees while typing: the ratio with white text, and whether it is enough. */
function contrastHint(colour: string) {
  if (!isHexColour(colour)) return 'Een kleur als #rrggbb, bijvoorbeeld #1d4f91.';
  const ratio = contrastRatio(colour, '#ffffff');
  return ratio >= AA_NORMAL_TEXT
    ? `Contrast met witte tekst: ${formatRatio(ratio)}. Dat voldoet (minstens 4,5:1).`
    : `Contrast met witte tekst: ${formatRatio(ratio)}. Te weinig: kies een donkerder kleur (minstens 4,5:1).`;
}

/**
 * The brand colour as text (what is posted) with a colour picker beside it, a live contrast
 * hint and a button as the mail will show it.
 */
export function BrandColourField({ initial, error }: { initial: string; error?: string }) {
  const [colour, setColour] = useState(initial);
  const valid = isHexColour(colour);
  const passes = valid && contrastRatio(colour, '#ffffff') >= AA_NORMAL_TEXT;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <TextField
            label="Huisstijlkleur"
            name="brandColor"
            required
            value={colour}
            onChange={(e) => setColour(e.target.value.trim())}
            autoComplete="off"
            spellCheck={false}
            error={error}
            // The live contrast hint below belongs to the field, beside its error.
            aria-describedby={
              error ? 'brandColor-contrast brandColor-error' : 'brandColor-contrast'
            }
          />
        </div>
        <input
          type="color"
          aria-label="Kleurkiezer voor de huisstijlkleur"
          value={valid ? colour.toLowerCase() : '#000000'}
          onChange={(e) => setColour(e.target.value)}
          className="h-10 w-14 cursor-pointer rounded-md border border-gray-500 bg-white"
        />
      </div>
      <p
        id="brandColor-contrast"
        aria-live="polite"
        className={`text-sm ${passes ? 'text-success' : 'font-semibold text-danger'}`}
      >
        {contrastHint(colour)}
      </p>
      {passes ? (
        <div className="rounded-md border border-line p-3">
          <p className="mb-2 text-sm text-muted">Zo ziet een knop in de nieuwsbrief eruit:</p>
          <span
            data-testid="kleurvoorbeeld"
            style={{ backgroundColor: colour }}
            className="inline-block rounded px-4 py-2 text-sm font-bold text-white"
          >
            Lees verder
          </span>
        </div>
      ) : null}
    </div>
  );
}
