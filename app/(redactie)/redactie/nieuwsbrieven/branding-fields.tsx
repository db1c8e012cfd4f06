'use client';

import { TextField } from '@/components/field';
import { ImageChoiceField } from '@/components/image-choice';
import type { ImageChoice } from '@/lib/media/library';
import { BrandColourField } from './brand-colour-field';
import { Section, type Errors } from './form-section';
import type { NewsletterFormValues } from './newsletter-form';

/** Brand colour and logo: from the newsletter's media library, or (as before) by its address. */
export function Branding({
  v,
  e,
  images,
}: {
  v: NewsletterFormValues;
  e: Errors;
  images: ImageChoice[];
}) {
  return (
    <Section id="huisstijl" title="Huisstijl">
      <BrandColourField initial={v.brandColor} error={e?.brandColor} />
      {v.id === undefined ? (
        <p className="text-sm text-muted">
          Een logo uit de mediabibliotheek kiest u na het aanmaken, als de nieuwsbrief een eigen
          bibliotheek heeft.
        </p>
      ) : (
        <ImageChoiceField
          id="logoMediaId"
          name="logoMediaId"
          label="Logo"
          images={images}
          defaultValue={v.logoMediaId}
          hint="Bovenaan elke e-mail, op de huiskleur, 48 pixels hoog. De alt-tekst is die van de afbeelding."
          error={e?.logoMediaId}
          manageHref={`/redactie/media?nieuwsbrief=${encodeURIComponent(v.slug)}`}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Of: webadres van een logo elders"
          name="logoUrl"
          inputMode="url"
          defaultValue={v.logoUrl ?? ''}
          hint="https://..."
          error={e?.logoUrl}
        />
        <TextField
          label="Alt-tekst van het logo"
          name="logoAlt"
          defaultValue={v.logoAlt ?? ''}
          hint="Verplicht bij een logo, bijvoorbeeld de naam van de organisatie."
          error={e?.logoAlt}
        />
      </div>
    </Section>
  );
}
