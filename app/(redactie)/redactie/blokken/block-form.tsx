'use client';

import { useState } from 'react';
import { Button, ButtonLink } from '@/components/button';
import { SelectField, TextAreaField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { RichTextField } from '@/components/rich-text/rich-text-field';
import { useFormAction } from '@/components/use-form-action';
import type { ActionState } from '@/lib/action-state';
import { GREETING_HINT } from '@/lib/email/greeting';

type Values = {
  kind: 'text' | 'cta';
  name: string;
  title: string;
  /** A document for a text block (or its old plain text), plain text for a call to action. */
  body: unknown;
  buttonLabel: string;
  buttonUrl: string;
  inNewIssues: boolean;
};

const kindOptions = [
  { value: 'text', label: 'Tekst' },
  { value: 'cta', label: 'Oproep met knop' },
];

function CtaFields({
  values,
  error,
}: {
  values?: Values;
  error: (name: string) => string | undefined;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Knoptekst"
        name="buttonLabel"
        required
        defaultValue={values?.buttonLabel}
        error={error('buttonLabel')}
      />
      <TextField
        label="Webadres van de knop"
        name="buttonUrl"
        type="url"
        required
        hint="Begint met https://"
        defaultValue={values?.buttonUrl}
        error={error('buttonUrl')}
      />
    </div>
  );
}

function StartField({ checked }: { checked?: boolean }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id="inNewIssues"
        name="inNewIssues"
        type="checkbox"
        defaultChecked={checked}
        className="mt-1 size-4"
        aria-describedby="inNewIssues-hint"
      />
      <div>
        <label htmlFor="inNewIssues" className="font-semibold">
          In elk nieuw nummer
        </label>
        <p id="inNewIssues-hint" className="text-sm text-muted">
          Een nieuw nummer begint met dit blok, achteraan de blokken die er al in staan.
        </p>
      </div>
    </div>
  );
}

/** Rich text for a text block; a call to action's short text stays plain. */
function BodyField({
  kind,
  values,
  error,
}: {
  kind: string;
  values?: Values;
  error: (name: string) => string | undefined;
}) {
  return kind === 'text' ? (
    <RichTextField
      // A call to action's plain text is not a document: start the editor afresh.
      key="text"
      id="body"
      name="body"
      label="Tekst"
      required
      headings
      maxChars={5000}
      hint={`Met tussenkoppen, vet, cursief, links en lijstjes. ${GREETING_HINT}`}
      defaultValue={values?.body ?? null}
      error={error('body')}
    />
  ) : (
    <TextAreaField
      label="Tekst"
      name="body"
      required
      rows={4}
      defaultValue={typeof values?.body === 'string' ? values.body : ''}
      error={error('body')}
    />
  );
}

/** One form for a new and an existing block; the kind is chosen once, when it is made. */
export function BlockForm({
  action,
  hidden,
  values,
  backHref,
  kindFixed,
}: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  values?: Values;
  backHref: string;
  kindFixed?: boolean;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  const [kind, setKind] = useState(values?.kind ?? 'text');
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {kindFixed ? (
        <input type="hidden" name="kind" value={kind} />
      ) : (
        <SelectField
          label="Soort blok"
          name="kind"
          required
          value={kind}
          onChange={(e) => setKind(e.target.value as Values['kind'])}
          options={kindOptions}
          error={error('kind')}
        />
      )}
      <TextField
        label="Naam"
        name="name"
        required
        hint="Zo heet het blok in de bouwer; lezers zien deze naam niet."
        defaultValue={values?.name}
        error={error('name')}
      />
      <TextField
        label="Titel"
        name="title"
        required
        defaultValue={values?.title}
        error={error('title')}
      />
      <BodyField kind={kind} values={values} error={error} />
      {kind === 'cta' ? <CtaFields values={values} error={error} /> : null}
      <StartField checked={values?.inNewIssues} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Opslaan...' : 'Opslaan'}
        </Button>
        <ButtonLink href={backHref} variant="secondary">
          Annuleren
        </ButtonLink>
      </div>
    </form>
  );
}
