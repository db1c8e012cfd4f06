'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { Item } from '@/db/schema';
import { itemKinds } from '@/lib/enums';
import { useFormAction } from '@/components/use-form-action';
import type { ActionState } from '@/lib/action-state';
import { itemKindLabels } from '@/lib/items/labels';
import { itemInput } from '@/lib/items/schema';

type Props = {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  themes: { id: number; name: string }[];
  item?: Item;
  hidden: Record<string, string | number>;
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

export function ItemForm({ action, themes, item, hidden }: Props) {
  const { state, formAction, onSubmit } = useFormAction(action);
  const [kind, setKind] = useState<string>(item?.kind ?? 'news');
  const inline = useInlineErrors();
  const error = (name: string) => inline.errors[name] ?? state.fieldErrors?.[name];
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-2xl space-y-4"
      onBlur={(e) => {
        const name = (e.target as Element).getAttribute('name');
        if (name) inline.check(e.currentTarget, name);
      }}
      onChange={(e) => inline.check(e.currentTarget)}
    >
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Soort"
          name="kind"
          required
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={itemKinds.map((k) => ({ value: k, label: itemKindLabels[k] }))}
          error={error('kind')}
        />
        <SelectField
          label="Thema"
          name="themeId"
          required
          defaultValue={item?.themeId ?? themes[0]?.id}
          options={themes.map((t) => ({ value: String(t.id), label: t.name }))}
          error={error('themeId')}
        />
      </div>
      <TextField
        label="Titel"
        name="title"
        required
        maxLength={160}
        defaultValue={item?.title}
        error={error('title')}
        hint="Hoogstens 160 tekens."
      />
      <div className="space-y-1">
        <label htmlFor="teaser" className="block text-sm font-semibold">
          Teaser <span className="font-normal text-muted">(optioneel)</span>
        </label>
        <p id="teaser-hint" className="text-sm text-muted">
          Eén tot drie zinnen, hoogstens 400 tekens.
        </p>
        <textarea
          id="teaser"
          name="teaser"
          rows={3}
          maxLength={400}
          defaultValue={item?.teaser}
          aria-invalid={error('teaser') ? true : undefined}
          aria-describedby={error('teaser') ? 'teaser-hint teaser-error' : 'teaser-hint'}
          className="block w-full rounded-md border border-gray-500 px-3 py-2"
        />
        {error('teaser') ? (
          <p id="teaser-error" className="text-sm font-semibold text-danger">
            {error('teaser')}
          </p>
        ) : null}
      </div>
      <TextField
        label="Link (Lees meer)"
        name="url"
        type="url"
        defaultValue={item?.url ?? ''}
        error={error('url')}
        hint="Begint met https://"
      />
      {kind === 'event' ? (
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
      ) : null}
      <SubmitButton pendingText="Opslaan...">Item opslaan</SubmitButton>
    </form>
  );
}
