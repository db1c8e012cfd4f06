'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextAreaField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import {
  mailTextDefinitions,
  placeholders,
  type MailText,
  type MailTextKind,
} from '@/lib/newsletters/mail-texts';
import {
  previewMailTextAction,
  resetMailTextAction,
  saveMailTextAction,
  type MailPreview,
} from './actions';
import { MailPreviewFrame } from './mail-preview-frame';

/**
 * One system mail's subject and text, with "Voorbeeld bekijken" for what is in the fields now
 * (saved or not) and "Standaardtekst herstellen". The fields stay as typed when the server
 * refuses them; after a reset they show the default again.
 */
export function MailTextEditor({
  newsletterId,
  kind,
  text,
  edited,
}: {
  newsletterId: number;
  kind: MailTextKind;
  text: MailText;
  edited: boolean;
}) {
  const definition = mailTextDefinitions[kind];
  const [saved, save] = useActionState(saveMailTextAction, idle);
  const [preview, showPreview] = useActionState(
    previewMailTextAction,
    idle as ActionState<MailPreview>,
  );
  const [reset, restore] = useActionState(resetMailTextAction, idle as ActionState<{ at: number }>);
  const [last, setLast] = useState<'save' | 'preview'>('save');
  const wasReset = reset.status === 'ok' && reset.data;
  const initial = wasReset ? definition.default : text;
  const outcome = last === 'preview' ? preview : saved;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget);
    const which = submitter?.getAttribute('value') === 'voorbeeld' ? 'preview' : 'save';
    setLast(which);
    (which === 'preview' ? showPreview : save)(form);
  };

  return (
    <div className="space-y-4">
      <form
        action={save}
        onSubmit={onSubmit}
        noValidate
        aria-label={`${definition.label} bewerken`}
        className="space-y-4"
      >
        <input type="hidden" name="newsletterId" value={newsletterId} />
        <input type="hidden" name="kind" value={kind} />
        <FormMessage state={outcome} />
        <TextFields
          key={wasReset ? reset.data!.at : 'text'}
          kind={kind}
          initial={initial}
          errors={outcome.fieldErrors}
        />
        <Placeholders kind={kind} />
        <FormButtons preview={showPreview} />
      </form>
      {preview.status === 'ok' && preview.data ? (
        <MailPreviewFrame label={definition.label} preview={preview.data} />
      ) : null}
      {edited || wasReset ? (
        <form action={restore} className="space-y-2" aria-label={`${definition.label} herstellen`}>
          <input type="hidden" name="newsletterId" value={newsletterId} />
          <input type="hidden" name="kind" value={kind} />
          <FormMessage state={reset} />
          <Button type="submit" variant="secondary">
            Standaardtekst herstellen
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** Save is the form's own action; the preview button posts the same fields to the preview. */
function FormButtons({ preview }: { preview: (form: FormData) => void }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" name="intent" value="opslaan">
        Opslaan
      </Button>
      <Button
        type="submit"
        name="intent"
        value="voorbeeld"
        variant="secondary"
        formAction={preview}
      >
        Voorbeeld bekijken
      </Button>
    </div>
  );
}

function TextFields({
  kind,
  initial,
  errors,
}: {
  kind: MailTextKind;
  initial: MailText;
  errors?: Record<string, string>;
}) {
  return (
    <div className="space-y-4">
      <TextField
        id={`${kind}-subject`}
        label="Onderwerp"
        name="subject"
        required
        maxLength={150}
        defaultValue={initial.subject}
        error={errors?.subject}
      />
      <TextAreaField
        id={`${kind}-body`}
        label="Tekst"
        name="body"
        required
        rows={12}
        hint="Gewone tekst; een lege regel begint een nieuwe alinea. Een link-plaatshouder wordt een knop."
        defaultValue={initial.body}
        error={errors?.body}
      />
    </div>
  );
}

function Placeholders({ kind }: { kind: MailTextKind }) {
  const { allowed, required } = mailTextDefinitions[kind];
  return (
    <div className="rounded-md border border-line bg-brand-50 p-4 text-sm">
      <h3 className="font-semibold">Plaatshouders in deze mail</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {allowed.map((name) => (
          <div key={name} className="contents">
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>
              {placeholders[name].meaning}
              {required.includes(name) ? <strong> (verplicht)</strong> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
