'use client';

import { RichTextField } from '@/components/rich-text/rich-text-field';
import { TextAreaField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { useFormAction } from '@/components/use-form-action';
import type { SentItem } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { WrittenBlock } from '@/lib/issue/document';
import { itemKindLabels } from '@/lib/items/labels';
import { correctIssue } from './actions';

type Props = {
  issue: { id: number; version: number; subject: string; preheader: string };
  groups: { heading: string; items: SentItem[] }[];
  extras: WrittenBlock[];
  publicPath: string;
};

type Errors = Record<string, string>;

const fieldsetClass = 'space-y-4 rounded-lg border border-line bg-white p-4';

// Every field of an item or block is named after it, so the action can tell which one it is.
const itemField = (errors: Errors, item: SentItem, name: string) => ({
  id: `item-${item.itemId}-${name}`,
  name: `item.${item.itemId}.${name}`,
  error: errors[`item.${item.itemId}.${name}`],
});
const blockField = (errors: Errors, id: string, name: string) => ({
  id: `block-${id}-${name}`,
  name: `block.${id}.${name}`,
  error: errors[`block.${id}.${name}`],
});

function HeaderFieldset({ issue, errors }: { issue: Props['issue']; errors: Errors }) {
  return (
    <fieldset className={fieldsetClass}>
      <legend className="px-1 text-lg font-semibold">Kop van het nummer</legend>
      <TextField
        label="Onderwerp"
        name="subject"
        required
        defaultValue={issue.subject}
        maxLength={200}
        error={errors.subject}
      />
      <TextField
        label="Preheader"
        name="preheader"
        defaultValue={issue.preheader}
        maxLength={250}
        error={errors.preheader}
      />
    </fieldset>
  );
}

function EventFields({ item, errors }: { item: SentItem; errors: Errors }) {
  const field = (name: string) => itemField(errors, item, name);
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <TextField
        label="Datum"
        type="date"
        required
        defaultValue={item.eventDate ?? ''}
        {...field('eventDate')}
      />
      <TextField
        label="Begintijd"
        type="time"
        defaultValue={item.startTime ?? ''}
        {...field('startTime')}
      />
      <TextField
        label="Eindtijd"
        type="time"
        defaultValue={item.endTime ?? ''}
        {...field('endTime')}
      />
      <div className="sm:col-span-2">
        <TextField
          label="Plaats"
          defaultValue={item.location ?? ''}
          maxLength={200}
          {...field('location')}
        />
      </div>
      <div className="flex items-end gap-2 pb-2">
        <input type="hidden" name={`item.${item.itemId}.online`} value="" />
        <input
          type="checkbox"
          id={`item-${item.itemId}-online`}
          name={`item.${item.itemId}.online`}
          value="on"
          defaultChecked={item.online}
          className="h-5 w-5"
        />
        <label htmlFor={`item-${item.itemId}-online`} className="font-semibold">
          Ook online te volgen
        </label>
      </div>
      <div className="sm:col-span-3">
        <TextField
          label="Aanmeldlink"
          type="url"
          defaultValue={item.registrationUrl ?? ''}
          {...field('registrationUrl')}
        />
      </div>
    </div>
  );
}

function ItemFieldset({ item, errors }: { item: SentItem; errors: Errors }) {
  const field = (name: string) => itemField(errors, item, name);
  return (
    <fieldset className={fieldsetClass}>
      <legend className="px-1 font-semibold">
        {itemKindLabels[item.kind]}: {item.title}
      </legend>
      <TextField
        label="Titel"
        required
        defaultValue={item.title}
        maxLength={160}
        {...field('title')}
      />
      <RichTextField
        label="Teaser"
        headings={false}
        maxChars={400}
        defaultValue={item.teaserDoc}
        {...field('teaser')}
      />
      <TextField
        label="Link"
        type="url"
        defaultValue={item.url ?? ''}
        hint="Begint met https://"
        {...field('url')}
      />
      {item.kind === 'event' ? <EventFields item={item} errors={errors} /> : null}
    </fieldset>
  );
}

function ExtraFieldset({ block, errors }: { block: Props['extras'][number]; errors: Errors }) {
  const field = (name: string) => blockField(errors, block.id, name);
  return (
    <fieldset className={fieldsetClass}>
      <legend className="px-1 font-semibold">
        {block.kind === 'cta' ? 'Oproep' : 'Tekst'}: {block.content.title}
      </legend>
      <TextField
        label="Titel"
        required
        defaultValue={block.content.title}
        maxLength={160}
        {...field('title')}
      />
      {block.kind === 'text' ? (
        <RichTextField
          label="Tekst"
          required
          headings
          maxChars={5000}
          defaultValue={block.content.body}
          {...field('body')}
        />
      ) : (
        <TextAreaField
          label="Tekst"
          required
          rows={3}
          defaultValue={block.content.body}
          {...field('body')}
        />
      )}
      {block.kind === 'cta' ? (
        <>
          <TextField
            label="Knoptekst"
            required
            defaultValue={block.content.buttonLabel}
            maxLength={60}
            {...field('buttonLabel')}
          />
          <TextField
            label="Knoplink"
            type="url"
            required
            defaultValue={block.content.buttonUrl}
            hint="Begint met https://"
            {...field('buttonUrl')}
          />
        </>
      ) : null}
    </fieldset>
  );
}

function PublishFieldset({
  state,
  errors,
  publicPath,
}: {
  state: Pick<ActionState, 'status' | 'message'>;
  errors: Errors;
  publicPath: string;
}) {
  return (
    <fieldset className="space-y-4 rounded-lg border-2 border-brand-600 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">Correctie publiceren</legend>
      <TextAreaField
        label="Toelichting"
        name="note"
        required
        rows={2}
        maxLength={300}
        hint={
          'Staat op de webpagina naast "gecorrigeerd op", bijvoorbeeld: "Link naar het rapport hersteld."'
        }
        error={errors.note}
      />
      <p className="text-sm text-muted">
        Verzonden mails veranderen niet; de correctie geldt voor de webversie, het zoeken en de
        feed.
      </p>
      <SubmitButton pendingText="Publiceren…">Correctie publiceren</SubmitButton>
      <FormMessage state={state} />
      {state.status === 'ok' ? (
        <p>
          <a href={publicPath}>Bekijk de gecorrigeerde webversie</a>
        </p>
      ) : null}
    </fieldset>
  );
}

export function CorrectionForm({ issue, groups, extras, publicPath }: Props) {
  const form = useFormAction(correctIssue);
  const errors: Errors = form.state.status === 'invalid' ? (form.state.fieldErrors ?? {}) : {};
  return (
    <form
      onSubmit={form.onSubmit}
      action={form.formAction}
      className="max-w-3xl space-y-6"
      noValidate
    >
      <input type="hidden" name="issueId" value={issue.id} />
      <input type="hidden" name="version" value={form.state.data?.version ?? issue.version} />
      <HeaderFieldset issue={issue} errors={errors} />
      {groups.map((group, index) => (
        <section key={group.heading} aria-labelledby={`groep-${index}`} className="space-y-4">
          <h2 id={`groep-${index}`} className="text-xl font-semibold">
            {group.heading}
          </h2>
          {group.items.map((item) => (
            <ItemFieldset key={item.itemId} item={item} errors={errors} />
          ))}
        </section>
      ))}
      {extras.length ? (
        <section aria-labelledby="vaste-blokken" className="space-y-4">
          <h2 id="vaste-blokken" className="text-xl font-semibold">
            Tekstblokken
          </h2>
          {extras.map((block) => (
            <ExtraFieldset key={block.id} block={block} errors={errors} />
          ))}
        </section>
      ) : null}
      <PublishFieldset state={form.state} errors={errors} publicPath={publicPath} />
    </form>
  );
}
