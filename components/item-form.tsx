'use client';

import { useState, type ReactNode } from 'react';
import { SelectField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { Item } from '@/db/schema';
import { itemKinds } from '@/lib/enums';
import { useFormAction } from '@/components/use-form-action';
import type { ActionState } from '@/lib/action-state';
import { itemKindLabels } from '@/lib/items/labels';
import { itemInput } from '@/lib/items/schema';
import type { ImageChoice } from '@/lib/media/library';
import { BodyField, EventFields, ImageFields, TeaserField } from '@/components/item-form-fields';
import { NewsletterField, type NewsletterThemes } from '@/components/item-newsletter-field';

type Props = {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  /** A page of its own, or the builder's side panel: there the article and image fold away. */
  variant?: 'page' | 'panel';
  newsletters: NewsletterThemes[];
  newsletterId: number;
  /** Placed in an issue: its newsletter is fixed. */
  locked?: boolean;
  item?: Item;
  hidden: Record<string, string | number>;
  /** The media library of every newsletter offered, for the image choice. */
  images: ImageChoice[];
};

/** Checks the same schema as the server as soon as a field is left, so errors show while typing. */
function useInlineErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const check = (form: HTMLFormElement, field?: string) => {
    const seen = field ? new Set(touched).add(field) : touched;
    if (field) setTouched(seen);
    const result = itemInput.safeParse(Object.fromEntries(new FormData(form)));
    const next: Record<string, string> = {};
    if (!result.success)
      for (const issue of result.error.issues) next[issue.path.join('.')] ??= issue.message;
    setErrors(Object.fromEntries(Object.entries(next).filter(([key]) => seen.has(key))));
  };
  return { errors, check };
}

function KindAndTheme({
  kind,
  onKind,
  themes,
  themeKey,
  defaultTheme,
  error,
}: {
  kind: string;
  onKind: (kind: string) => void;
  themes: { id: number; name: string }[];
  themeKey: number;
  defaultTheme: number | undefined;
  error: (name: string) => string | undefined;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label="Soort"
        name="kind"
        required
        value={kind}
        onChange={(e) => onKind(e.target.value)}
        options={itemKinds.map((k) => ({ value: k, label: itemKindLabels[k] }))}
        error={error('kind')}
      />
      <SelectField
        // A new newsletter brings a new theme list: start it afresh.
        key={themeKey}
        label="Thema"
        name="themeId"
        required
        defaultValue={defaultTheme}
        options={themes.map((t) => ({ value: String(t.id), label: t.name }))}
        error={error('themeId')}
      />
    </div>
  );
}

/** The article and the image: all of them on the item page, folded away in the side panel. */
function MoreFields({
  variant,
  open,
  children,
}: {
  variant: Props['variant'];
  open: boolean;
  children: ReactNode;
}) {
  if (variant !== 'panel') return children;
  return (
    <details open={open || undefined} className="rounded-md border border-line p-3">
      <summary className="cursor-pointer font-semibold">Artikel en afbeelding</summary>
      <div className="mt-3 space-y-4">{children}</div>
    </details>
  );
}

function HiddenFields({ hidden, item }: Pick<Props, 'hidden' | 'item'>) {
  return (
    <>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {item ? (
        // The version this form shows: a save over a newer one is refused (lib/items/save.ts).
        <input type="hidden" name="updatedAt" value={new Date(item.updatedAt).getTime()} />
      ) : null}
    </>
  );
}

export function ItemForm({
  action,
  variant = 'page',
  newsletters,
  newsletterId,
  locked,
  item,
  hidden,
  images,
}: Props) {
  const { state, formAction, onSubmit } = useFormAction(action);
  const [kind, setKind] = useState<string>(item?.kind ?? 'news');
  const [chosen, setChosen] = useState(newsletterId);
  const themes = newsletters.find((n) => n.id === chosen)?.themes ?? [];
  const inline = useInlineErrors();
  const error = (name: string) => inline.errors[name] ?? state.fieldErrors?.[name];
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className={`space-y-4 ${variant === 'page' ? 'max-w-2xl' : ''}`}
      onBlur={(e) => {
        const name = (e.target as Element).getAttribute('name');
        if (name) inline.check(e.currentTarget, name);
      }}
      onChange={(e) => inline.check(e.currentTarget)}
    >
      <FormMessage state={state} />
      <HiddenFields hidden={hidden} item={item} />
      <NewsletterField
        newsletters={newsletters}
        value={chosen}
        onChange={setChosen}
        locked={!!locked}
        error={error('newsletterId')}
      />
      <KindAndTheme
        kind={kind}
        onKind={setKind}
        themes={themes}
        themeKey={chosen}
        defaultTheme={chosen === item?.newsletterId ? item.themeId : themes[0]?.id}
        error={error}
      />
      <TextField
        label="Titel"
        name="title"
        required
        maxLength={160}
        defaultValue={item?.title}
        error={error('title')}
        hint="Hoogstens 160 tekens."
      />
      <TeaserField item={item} error={error} />
      <TextField
        label="Link (Lees meer)"
        name="url"
        type="url"
        defaultValue={item?.url ?? ''}
        error={error('url')}
        hint="Begint met https://. Zonder link wijst “Lees meer” naar het volledige artikel hieronder, als dat er is."
      />
      {kind === 'event' ? <EventFields item={item} error={error} /> : null}
      <MoreFields variant={variant} open={!!(error('body') || error('imageMediaId'))}>
        <BodyField item={item} error={error} />
        <ImageFields
          // Another newsletter has another library: start the choice afresh.
          key={`image-${chosen}`}
          item={chosen === item?.newsletterId ? item : undefined}
          images={images.filter((i) => i.newsletterId === chosen)}
          newsletterSlug={newsletters.find((n) => n.id === chosen)?.slug ?? ''}
          error={error}
        />
      </MoreFields>
      <SubmitButton pendingText="Opslaan...">Item opslaan</SubmitButton>
    </form>
  );
}
