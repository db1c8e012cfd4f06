import { TextField } from '@/components/field';
import { ImageChoiceField } from '@/components/image-choice';
import { RichTextField } from '@/components/rich-text/rich-text-field';
import type { Item } from '@/db/schema';
import type { ImageChoice } from '@/lib/media/library';

type FieldError = (name: string) => string | undefined;

/** The teaser, in every mail and on the archive page: short, with bold, italic and links. */
export function TeaserField({ item, error }: { item?: Item; error: FieldError }) {
  return (
    <RichTextField
      id="teaser"
      name="teaser"
      label="Teaser"
      hint="Eén tot drie zinnen, hoogstens 400 tekens. Vet, cursief, links en lijstjes kunnen."
      headings={false}
      maxChars={400}
      defaultValue={item?.teaserDoc ?? null}
      error={error('teaser')}
    />
  );
}

/** The full article, on the item's own archive page; "Lees meer" goes there when there is no link. */
export function BodyField({ item, error }: { item?: Item; error: FieldError }) {
  return (
    <RichTextField
      id="body"
      name="body"
      label="Volledig artikel"
      hint="Voor een item zonder eigen pagina elders: het archief krijgt er een pagina voor, en “Lees meer” in de e-mail wijst ernaartoe. Met tussenkoppen."
      headings
      maxChars={20_000}
      defaultValue={item?.body ?? null}
      error={error('body')}
    />
  );
}

/** Only for an event: when and where, and how to sign up. */
export function EventFields({ item, error }: { item?: Item; error: FieldError }) {
  return (
    <fieldset className="space-y-4 rounded-md border border-line p-4">
      <legend className="px-1 font-semibold">Evenement</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Datum"
          name="eventDate"
          type="date"
          required
          defaultValue={item?.eventDate ?? ''}
          error={error('eventDate')}
        />
        <TextField
          label="Begintijd"
          name="startTime"
          type="time"
          defaultValue={item?.startTime ?? ''}
          error={error('startTime')}
        />
        <TextField
          label="Eindtijd"
          name="endTime"
          type="time"
          defaultValue={item?.endTime ?? ''}
          error={error('endTime')}
        />
      </div>
      <TextField
        label="Plaats"
        name="location"
        defaultValue={item?.location ?? ''}
        error={error('location')}
        hint='Bijvoorbeeld "Jaarbeurs, Utrecht". Laat leeg als het alleen online is.'
      />
      <div className="flex items-center gap-2">
        <input
          id="online"
          name="online"
          type="checkbox"
          defaultChecked={item?.online}
          className="h-5 w-5"
        />
        <label htmlFor="online" className="font-semibold">
          Online (of ook online te volgen)
        </label>
      </div>
      <TextField
        label="Aanmeldlink"
        name="registrationUrl"
        type="url"
        defaultValue={item?.registrationUrl ?? ''}
        error={error('registrationUrl')}
      />
    </fieldset>
  );
}

/** The item's picture from the media library, and where a themed item shows it. */
export function ImageFields({
  item,
  images,
  newsletterSlug,
  error,
}: {
  item?: Item;
  images: ImageChoice[];
  newsletterSlug: string;
  error: FieldError;
}) {
  const placement = item?.imagePlacement ?? 'beside';
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-4">
      <legend className="px-1 font-semibold">Afbeelding</legend>
      <ImageChoiceField
        id="imageMediaId"
        name="imageMediaId"
        label="Afbeelding bij het item"
        images={images}
        defaultValue={item?.imageMediaId ?? null}
        hint="Als openingsitem staat ze breed boven de titel; in een themasectie zoals hieronder gekozen."
        error={error('imageMediaId')}
        manageHref={`/redactie/media?nieuwsbrief=${encodeURIComponent(newsletterSlug)}`}
      />
      <fieldset>
        <legend className="text-sm font-semibold">In een themasectie</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(
            [
              ['beside', 'Klein, naast de tekst'],
              ['above', 'Breed, boven de tekst'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="imagePlacement"
                value={value}
                defaultChecked={placement === value}
                className="size-5"
              />
              {text}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
